using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// Random school histories for the indicator properties, built from random choices: one event a day from the
/// registration on, so no two events share an instant. Ids go through <c>name</c>, so that the same choices can be
/// replayed under other names. The histories need not obey every rule of the school; the indicators must cope.
/// </summary>
internal static class RandomCultureHistory
{
    public static readonly DateTimeOffset Start = new(2022, 8, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Teachers = ["ana", "ben", "cleo", "dev", "eli", "fay", "gus"];
    private static readonly string[] RoleIds = ["coach", "mentor", "head"];
    private static readonly DecisionMode[] Modes = Enum.GetValues<DecisionMode>();
    private static readonly EpisodeOutcome[] Outcomes = Enum.GetValues<EpisodeOutcome>();

    public static DateTimeOffset Day(int day) => Start.AddDays(day).AddHours(day % 7);

    public static List<(string? TeacherId, DomainEvent Event)> Build(int[] choices, Func<string, string> name)
    {
        var history = new List<(string? TeacherId, DomainEvent Event)>
        {
            (null, new SchoolRegistered("School", "District", 5 + (choices.Length % 20)) { OccurredAt = Start }),
            (null, new TeacherLeaderRoleDefined(name("coach"), "Coach", "Instruction", [], [], 2, 3, DecidedAt.School) { OccurredAt = Start.AddMinutes(1) }),
            (null, new TeacherLeaderRoleDefined(name("mentor"), "Mentor", "Mentoring", [], [], 2, 3, DecidedAt.School) { OccurredAt = Start.AddMinutes(2) }),
            (null, new TeacherLeaderRoleDefined(name("head"), "Head", "Department", [], [], 2, 3, DecidedAt.School, RoleKind.Administrative) { OccurredAt = Start.AddMinutes(3) }),
        };
        var episodes = 0;
        for (var i = 0; i < choices.Length; i++)
        {
            var choice = (uint)choices[i];
            var at = Day(i + 1);
            var teacher = name(Teachers[(choice / 16) % (uint)Teachers.Length]);
            var role = name(RoleIds[(choice / 128) % (uint)RoleIds.Length]);
            DomainEvent @event = (choice % 14) switch
            {
                0 => new TeacherJoinedStaff(teacher),
                1 => new TeacherLeftStaff(teacher),
                2 or 3 => new RoleAssigned(role, teacher),
                4 => new RoleVacated(role, teacher, ""),
                5 or 6 or 7 => new DecisionRecorded(name($"d{i}"), "Decision", "Area", Modes[(choice / 16) % (uint)Modes.Length],
                    [.. Teachers.Where((_, t) => ((choice >> (8 + t)) & 1) == 1).Select(name)], false, ""),
                8 => new BreakingRanksEpisodeOpened(name($"e{episodes++}"), teacher, BreakingRanksAct.SpokeUp, "", (BreakingRanksLevel)((choice / 16) % 4)),
                9 => new BreakingRanksEpisodeResolved(name($"e{(choice / 16) % (uint)Math.Max(episodes, 1)}"), Outcomes[(choice / 256) % 4], ""),
                10 => new BreakingRanksEpisodeEscalated(name($"e{(choice / 16) % (uint)Math.Max(episodes, 1)}"), (BreakingRanksLevel)((choice / 256) % 4), ""),
                11 => new StaffCountChanged(1 + (int)((choice / 16) % 40)),
                12 => new LeadershipStageAssessed((LeadershipStage)((choice / 16) % 4), "", "reviewer"),
                _ => new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "", "principal"),
            };
            history.Add((@event is TeacherEvent ? teacher : null, @event with { OccurredAt = at }));
        }
        return history;
    }

    /// <summary>The month ends a history of <paramref name="days"/> days is worth evaluating at.</summary>
    public static (DateOnly From, DateOnly To) Months(int days) =>
        (new DateOnly(Start.Year, Start.Month, 1), DateOnly.FromDateTime(Day(days + 1).UtcDateTime));

    public static ImmutableArray<string> Ids => [.. Teachers, .. RoleIds];
}
