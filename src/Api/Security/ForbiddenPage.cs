using LearningOrg.Api.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Security;

/// <summary>A web page the signed-in user may not see answers 403 with a page that says so, inside the site's layout.</summary>
public static class ForbiddenPage
{
    public static Task WriteAsync(HttpContext http)
    {
        var page = new RazorComponentResult<Forbidden>(new Dictionary<string, object?> { ["Path"] = http.Request.Path.Value })
        {
            StatusCode = StatusCodes.Status403Forbidden,
        };
        return page.ExecuteAsync(http);
    }
}
