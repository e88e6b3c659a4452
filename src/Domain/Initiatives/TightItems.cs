using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Initiatives;

/// <summary>A role of an enrolled school that breaks a checked tight item of the initiative's framework for it.</summary>
/// <param name="Field">The role's field that breaks the item, as the API names it.</param>
[GenerateSerializer, Immutable]
public sealed record TightItemBreach(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string RoleTitle,
    [property: Id(3)] string Framework,
    [property: Id(4)] string Field,
    [property: Id(5)] string Message);

/// <summary>Checks the roles of an initiative's enrolled schools against the tight items of its role frameworks.</summary>
public static class TightItems
{
    /// <summary>
    /// The breaches in <paramref name="school"/>'s active roles, when it is enrolled in the initiative: a framework
    /// applies to a role with its title (ignoring case) or of its type.
    /// </summary>
    public static IReadOnlyList<TightItemBreach> Breaches(string initiativeId, InitiativeState initiative, string schoolId, SchoolState school)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(school);
        if (!initiative.EnrolledSchools.ContainsKey(schoolId))
        {
            return [];
        }
        return
        [
            .. from role in school.Roles.OrderBy(r => r.Key, StringComparer.Ordinal)
               where role.Value.RetiredAt is null
               from framework in initiative.RoleFrameworks.OrderBy(f => f.Key, StringComparer.Ordinal)
               where Applies(initiativeId, framework.Key, framework.Value, role.Value.Definition)
               from breach in Broken(framework.Value, role.Value.Definition)
               select new TightItemBreach(schoolId, role.Key, role.Value.Definition.Title, framework.Key, breach.Field, breach.Message),
        ];
    }

    private static bool Applies(string initiativeId, string title, RoleFramework framework, TeacherLeaderRoleDefined role) =>
        string.Equals(role.Title, title, StringComparison.OrdinalIgnoreCase)
        || (framework.RoleTypeId is { } type && role.RoleTypeId is { } held
            && (held == type || held == RoleTypeCatalog.CustomReference(initiativeId, type)));

    private static IEnumerable<(string Field, string Message)> Broken(RoleFramework framework, TeacherLeaderRoleDefined role)
    {
        if (framework.MinimumHoursPerWeek is { } minimum && role.HoursPerWeek < minimum)
        {
            yield return ("hoursPerWeek", $"hours a week: {role.HoursPerWeek:0.##}; the framework requires at least {minimum:0.##}.");
        }
        if (framework.RequiredSelection is { } selection && role.Selection != selection)
        {
            yield return ("selection", $"selection: {Said(role.Selection)}; the framework requires {Labels.Of(selection).ToLowerInvariant()}.");
        }
        if (framework.RequiredSupervisor is { } supervisor && role.SupervisedBy != supervisor)
        {
            yield return ("supervisedBy", $"supervised by: {Said(role.SupervisedBy)}; the framework requires {Labels.Of(supervisor).ToLowerInvariant()}.");
        }
    }

    private static string Said<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Labels.Of(v).ToLowerInvariant() : "not recorded";
}
