using System.Text.RegularExpressions;
using LearningOrg.Api.Web.Forms;
using LearningOrg.Demo;
using LearningOrg.Domain;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Web;

/// <summary>
/// Role types on the pages of the demo story: chosen from the catalog in the role forms, and the role that breaks a
/// tight item of the district's framework flagged on the initiative page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class RoleTypePageTests(WebFixture web)
{
    [Theory]
    [InlineData(typeof(TeacherLeaderRoleDefined))]
    [InlineData(typeof(RoleRevised))]
    public async Task The_role_forms_offer_the_role_type_as_a_choice_from_the_catalog(Type record)
    {
        Assert.Equal(FieldKind.RoleType, EventForms.Fields(EventCatalog.For(record)).Single(f => f.Name == "roleTypeId").Kind);

        var html = await web.Api.Http.GetStringAsync($"/schools/{DemoIds.MapleGrove}/record");

        var form = Regex.Match(html, $"<form id=\"{EventCatalog.For(record).Kind}\"[^>]*>(.*?)</form>", RegexOptions.Singleline).Groups[1].Value;
        var select = Regex.Match(form, "<select[^>]*name=\"roleTypeId\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, "no roleTypeId choice");
        var values = OptionValue().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["", .. RoleTypeCatalog.BuiltIn.Select(t => t.Id)], values);
        Assert.Contains("Department head (operational and administrative posts)", select.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_initiative_page_flags_the_role_that_breaks_a_tight_item_and_not_the_compliant_ones()
    {
        var html = await web.Api.Http.GetStringAsync($"/initiatives/{DemoIds.Initiative}");

        var flagged = Regex.Matches(html, "<li class=\"tight-breach\" data-role=\"([^\"]+)\">(.*?)</li>", RegexOptions.Singleline).ToList();
        var breach = Assert.Single(flagged);
        Assert.Equal("data-lead", breach.Groups[1].Value);
        Assert.Contains("Cedar Hill", breach.Groups[2].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Maple Grove", breach.Groups[2].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
