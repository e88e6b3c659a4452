using LearningOrg.Research;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace LearningOrg.Api.Security;

/// <summary>
/// Authentication (JWT bearer for API clients, a sign-in cookie for the web pages, chosen per request by a policy
/// scheme), the authorization policies and the CSRF guard of cookie-authenticated API writes.
/// </summary>
public static class SecurityServices
{
    /// <summary>The scheme every request authenticates with: bearer when an Authorization header is sent, else the cookie.</summary>
    public const string Scheme = "LearningOrg";

    /// <summary>The header cookie-authenticated API writes must carry: a cross-site form cannot set it, and SameSite=Strict keeps the cookie home.</summary>
    public const string CsrfHeader = "X-LearningOrg-Csrf";

    public const string CookieName = ".LearningOrg.Session";

    public const string SignInPath = "/signin";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        if (auth.LocalIssuer.Enabled && auth.UsesAuthority)
        {
            throw new InvalidOperationException("Auth:LocalIssuer:Enabled needs the local issuer (Auth:SigningKey), not Auth:Authority.");
        }
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton<LocalTokenIssuer>();
        builder.Services.AddSingleton<ScopeResolver>();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        builder.Services.AddScoped<PseudonymizedReads>();
        builder.Services.AddSingleton<PseudonymDirectory>();
        builder.Services.AddAuthorization(Policies.Add);

        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", options =>
                options.ForwardDefaultSelector = http => http.Request.Headers.Authorization.Count > 0
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(options => ConfigureBearer(options, auth))
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = auth.TokenLifetime;
                options.SlidingExpiration = false;
                options.LoginPath = SignInPath;
                options.Events.OnRedirectToLogin = context => IsApi(context.HttpContext)
                    ? AuthProblems.WriteAsync(context.HttpContext, AuthProblems.NotSignedIn())
                    : Redirect(context);
                options.Events.OnRedirectToAccessDenied = context => IsApi(context.HttpContext)
                    ? AuthProblems.WriteAsync(context.HttpContext, AuthProblems.OutOfScope())
                    : ForbiddenPage.WriteAsync(context.HttpContext);
            });
        return builder;
    }

    /// <summary>Authentication, the CSRF guard, then authorization; before the antiforgery middleware of the pages.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (http, next) =>
        {
            if (IsApi(http) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && http.Request.Headers.Authorization.Count == 0 && http.User.Identity?.IsAuthenticated == true
                && http.Request.Headers[CsrfHeader].Count == 0)
            {
                await AuthProblems.WriteAsync(http, AuthProblems.Problem(StatusCodes.Status403Forbidden, AuthProblems.CsrfHeaderMissing,
                    $"A request signed in by cookie must send the {CsrfHeader} header (the web app's scripts do)."));
                return;
            }
            await next(http);
        });
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureBearer(JwtBearerOptions options, AuthOptions auth)
    {
        // Keep the token's claim names (sub, role, school…) instead of mapping them to WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
            ValidAudience = auth.Audience,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (auth.UsesAuthority)
        {
            options.Authority = auth.Authority;
            options.Audience = auth.Audience;
            options.RequireHttpsMetadata = auth.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            options.TokenValidationParameters.ValidIssuer = auth.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = LocalTokenIssuer.KeyFor(auth);
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        options.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = context.Error is null ? "Bearer" : $"Bearer error=\"{context.Error}\"";
                await AuthProblems.WriteAsync(context.HttpContext, AuthProblems.NotSignedIn());
            },
            OnForbidden = context => AuthProblems.WriteAsync(context.HttpContext, AuthProblems.OutOfScope()),
        };
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
