namespace LearningOrg.Api.Security;

/// <summary>
/// Where sign-in may send the visitor back to: a path of this site and nothing a browser could read as another host.
/// Stricter than ASP.NET's IsLocalUrl: browsers drop tabs and line breaks and read a backslash as a slash, so
/// "/\t/evil.example" and "/\evil.example" lead off-site; any control character, space, backslash, non-ASCII
/// character or empty path segment ("//") is refused, not only at the start.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary>True for a path of this site such as "/schools/maple-grove?from=2024-01-01".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && !url.Contains("//", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < '\u007f' and not '\\');

    /// <summary><paramref name="url"/> when it is a local path, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : Home;
}
