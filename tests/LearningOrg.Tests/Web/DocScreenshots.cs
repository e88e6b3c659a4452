using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>
/// Pictures of the timeline and replay pages at 1280 px for the docs, taken by the tests with the trait
/// Category=Screenshots. With LEARNINGORG_SCREENSHOTS set to a folder (docs/screenshots), the PNGs are written there;
/// otherwise to a temporary folder of this test run's own, so the tests still check that the pages can be captured and
/// two runs on one machine never write over each other's files:
/// <c>LEARNINGORG_SCREENSHOTS=$PWD/docs/screenshots ./test.sh --filter "Category=Screenshots"</c>.
/// </summary>
public static class DocScreenshots
{
    /// <summary>Taller pages are cut here: the top of a page is what a reader of the docs needs to see.</summary>
    public const int MaxHeight = 1500;

    private static readonly Lazy<string> RunFolder = new(() => Directory.CreateTempSubdirectory("learningorg-screenshots-").FullName);

    /// <summary>Captures the top of the page (at most <see cref="MaxHeight"/> px) as {name}.png and checks it is a PNG.</summary>
    public static async Task<string> CaptureAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LEARNINGORG_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : RunFolder.Value;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = WebFixture.Desktop, Height = Math.Min(height, MaxHeight) },
        });
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.Length > 10_000, $"{file} is only {bytes.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        return file;
    }
}
