namespace LearningOrg.Api.Web;

/// <summary>
/// The web app: Razor components rendered on the server (static SSR, no interactive render mode, so no circuit),
/// served by the API's own process from the same in-process services, plus the CSS and the small ES modules in
/// wwwroot that enhance the pages.
/// </summary>
public static class WebPages
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Run from the build output (./run.sh, the tests) rather than from a publish, the static assets' compressed
        // variants live under obj/ and only the runtime manifest finds them. Development loads it by itself; other
        // environments need this, or a browser asking for gzip gets an empty stylesheet. A published app has no such
        // manifest and serves its wwwroot as is.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        // Razor component endpoints carry antiforgery metadata, so the middleware must run even though the pages post
        // no forms of their own (the record forms send JSON to the API with fetch).
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>();
        return app;
    }
}
