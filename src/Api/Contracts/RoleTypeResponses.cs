using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Api.Contracts;

/// <summary>One role type, as a role's roleTypeId refers to it.</summary>
/// <param name="Id">What a role's roleTypeId gives: a built-in type's id, or a district's as initiative-id/type-id.</param>
/// <param name="BuiltIn">From the built-in catalog, rather than added by a district.</param>
public sealed record RoleTypeEntry(string Id, string Name, RoleKind Kind, string KindLabel, string Description, bool BuiltIn);

/// <summary>The role types of one group of the inventory.</summary>
public sealed record RoleTypeGroupEntry(RoleTypeGroup Group, string Label, IReadOnlyList<RoleTypeEntry> Types);

/// <summary>The role-type catalog, grouped as the inventory groups formal roles, in the groups' order.</summary>
public sealed record RoleTypeCatalogResponse(IReadOnlyList<RoleTypeGroupEntry> Groups)
{
    /// <summary>The built-in types, and those <paramref name="initiativeId"/>'s district added (<paramref name="added"/>).</summary>
    public static RoleTypeCatalogResponse Of(string? initiativeId = null, IEnumerable<RoleType>? added = null)
    {
        var entries = RoleTypeCatalog.BuiltIn.Select(t => (t.Group, Entry: Entry(t, t.Id, builtIn: true)))
            .Concat((added ?? []).OrderBy(t => t.Name, StringComparer.CurrentCulture)
                .Select(t => (t.Group, Entry: Entry(t, RoleTypeCatalog.CustomReference(initiativeId!, t.Id), builtIn: false))));
        return new([.. Enum.GetValues<RoleTypeGroup>()
            .Select(g => new RoleTypeGroupEntry(g, Labels.Of(g), [.. entries.Where(e => e.Group == g).Select(e => e.Entry)]))
            .Where(g => g.Types.Count > 0)]);
    }

    private static RoleTypeEntry Entry(RoleType type, string reference, bool builtIn) =>
        new(reference, type.Name, type.Kind, Labels.Of(type.Kind), type.Description, builtIn);
}
