using LearningOrg.Api.Security;
using LearningOrg.Demo;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The web tests share one API (demo story seeded) and one browser: starting either is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}

/// <summary>
/// The real API on Kestrel with the demo story, and Debian's chromium driven by Playwright. No browser is downloaded:
/// Playwright's node driver ships in its NuGet package and launches the chromium installed on the machine
/// (infra/ensure-tools.sh installs it).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The widths every page is checked at: a laptop, and a phone held upright.</summary>
    public const int Desktop = 1280;
    public const int Phone = 390;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// How long an expectation, an action or a navigation may take: far above what a page needs, so that a loaded
    /// machine (a build beside the tests) slows the tests without failing them.
    /// </summary>
    private const float PlaywrightTimeoutMs = 60_000;

    private IPlaywright? playwright;

    public ApiFixture Api { get; } = new WebApiFixture();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's address, without a trailing slash.</summary>
    public string BaseUrl => Api.Http.BaseAddress!.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await DemoSeeder.SeedAsync(Api.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
        Assertions.SetDefaultExpectTimeout(PlaywrightTimeoutMs);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context and page, as wide as <paramref name="width"/>, recording console errors. It acts as an
    /// administrator (a bearer token on every request), unless <paramref name="signedOut"/>: then it has no credentials
    /// and signs in on /signin like a visitor.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(int width = Desktop, bool signedOut = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            AcceptDownloads = true,
            ExtraHTTPHeaders = signedOut ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + Api.TokenFor(ApiFixture.Admin) },
        });
        context.SetDefaultTimeout(PlaywrightTimeoutMs);
        context.SetDefaultNavigationTimeout(PlaywrightTimeoutMs);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    /// <summary>
    /// A browser without credentials that signs in on /signin as <paramref name="persona"/> (a sign-in cookie, as a
    /// visitor has) and lands on <paramref name="returnTo"/>.
    /// </summary>
    public async Task<BrowserPage> SignInAsync(string persona, string returnTo)
    {
        var browser = await OpenAsync(signedOut: true);
        await browser.GotoAsync(returnTo);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {Personas.Find(persona)!.Title}" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        return browser;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await ((IAsyncLifetime)Api).DisposeAsync();
    }
}

/// <summary>The API of the web tests, with the local issuer's persona sign-in on.</summary>
public sealed class WebApiFixture : ApiFixture
{
    protected override bool LocalIssuerEnabled => true;
}

/// <summary>A page in its own browser context, with every console error and uncaught page error it produced.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    /// <summary>
    /// The errors other than the browser's own report of a command the API refused ("Failed to load resource: the
    /// server responded with a status of 4xx" for an /api/ route), which the tests of refused forms cause on purpose.
    /// </summary>
    public IReadOnlyList<string> ErrorsBesidesRefusedCommands() =>
        [.. Errors.Where(e => !(e.StartsWith("console: Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
            && e.Contains("/api/", StringComparison.Ordinal)))];

    /// <summary>Opens a path of the app and answers the response, which must be a success.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}.");
        return response;
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
