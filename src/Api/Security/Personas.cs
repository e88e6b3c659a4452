using LearningOrg.Demo;

namespace LearningOrg.Api.Security;

/// <summary>One of the demo's people, to sign in as on /signin or to ask a development token for.</summary>
public sealed record Persona(string Key, string Title, string Description, Identity Identity);

/// <summary>The personas of the demo story (ids from <see cref="DemoIds"/>), offered only with the local issuer enabled.</summary>
public static class Personas
{
    public static IReadOnlyList<Persona> All { get; } =
    [
        new("admin", "Administrator", "Everything, including imports and identifiable exports.",
            new Identity("demo-admin", Roles.Admin, Name: "Demo administrator")),
        new("principal", "Principal of Maple Grove Elementary", "Reads and records their school and its teachers; reads its network and initiative.",
            new Identity("demo-principal-maple-grove", Roles.Principal, Schools: [DemoIds.MapleGrove], Name: "Dana Whitfield")),
        new("network-lead", "Lead of the Riverbend Learning Network", "Records the network; reads its schools and their teachers.",
            new Identity("demo-network-lead-riverbend", Roles.NetworkLead, Networks: [DemoIds.Network], Name: "Riverbend network lead")),
        new("researcher", "Researcher", "Reads everything, with teacher names removed and teacher ids pseudonymized.",
            new Identity("demo-researcher", Roles.Researcher, Name: "Demo researcher")),
        new("district-team", "District team of Teacher Leadership Pathways",
            "Records the initiative; registers the district's schools and launches its initiatives; reads the schools of the district.",
            new Identity("demo-district-team", Roles.DistrictTeam, Initiatives: [DemoIds.Initiative], Name: "District team",
                Districts: [DemoStory.District])),
    ];

    public static Persona? Find(string? key) => All.FirstOrDefault(p => p.Key == key);
}
