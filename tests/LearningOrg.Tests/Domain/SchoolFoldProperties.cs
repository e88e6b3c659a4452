using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using static LearningOrg.Tests.Domain.SchoolStory;

namespace LearningOrg.Tests.Domain;

/// <summary>
/// Properties of the school fold over random histories. A history is built from random choices: each choice
/// proposes one event on top of the state so far, and only the events the rules accept are kept, so every
/// history is one the system could have recorded.
/// </summary>
public sealed class SchoolFoldProperties
{
    private static readonly string[] Teachers = ["ana", "ben", "cleo", "dev", "eli", "fay"];
    private static readonly string[] RoleIds = ["coach", "mentor", "data-lead"];

    [Property(MaxTest = 1000)]
    public bool Folding_a_history_in_two_parts_equals_folding_it_whole(int[] choices, NonNegativeInt cut)
    {
        var history = History(choices ?? []);
        var at = cut.Get % (history.Count + 1);

        var whole = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, history);
        var prefix = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, history.Take(at));
        var inTwo = Aggregate.Fold<School, SchoolState, SchoolEvent>(prefix, history.Skip(at));

        // States hold immutable collections, which records compare by reference; their JSON compares by content.
        return JsonSerializer.Serialize(whole) == JsonSerializer.Serialize(inTwo);
    }

    [Fact]
    public void Random_histories_reach_every_kind_of_event_the_generator_proposes()
    {
        var random = new Random(20240101);
        var kinds = Enumerable.Range(0, 50)
            .SelectMany(_ => History([.. Enumerable.Range(0, 60).Select(_ => random.Next(-100, 101))]))
            .Select(e => e.GetType())
            .ToHashSet();

        Assert.Superset(
            new HashSet<Type>
            {
                typeof(SchoolRegistered), typeof(TeacherJoinedStaff), typeof(TeacherLeftStaff), typeof(TeacherLeaderRoleDefined),
                typeof(TeacherLeaderRoleRetired), typeof(RoleAssigned), typeof(RoleVacated), typeof(DecisionRecorded),
                typeof(BreakingRanksEpisodeOpened), typeof(BreakingRanksEpisodeEscalated), typeof(BreakingRanksEpisodeResolved),
                typeof(SchoolConditionAssessed), typeof(StaffCountChanged), typeof(PrincipalMoveRecorded), typeof(LeadershipStageAssessed),
            },
            kinds);
    }

    private static List<SchoolEvent> History(int[] choices)
    {
        List<SchoolEvent> history = [Registered()];
        var state = Fold(history[0]);
        for (var i = 0; i < choices.Length; i++)
        {
            var proposed = Propose(state, Spread(choices[i]), day: i + 1);
            if (proposed is not null && School.Decide(state, proposed, Given.Now).IsAccepted)
            {
                history.Add(proposed);
                state = School.Apply(state, proposed);
            }
        }
        return history;
    }

    /// <summary>
    /// Mixes the bits of a choice (MurmurHash3's finalizer) so that the small integers FsCheck favours still pick
    /// every kind of event, teacher and role.
    /// </summary>
    private static uint Spread(int choice)
    {
        var h = unchecked((uint)choice);
        h ^= h >> 16;
        h = unchecked(h * 0x85ebca6b);
        h ^= h >> 13;
        h = unchecked(h * 0xc2b2ae35);
        return h ^ (h >> 16);
    }

    private static SchoolEvent? Propose(SchoolState state, uint choice, int day)
    {
        // The low four bits pick the kind of event; the higher ones pick among what the state offers, so that most
        // proposals are ones the rules accept.
        var pick = choice >> 4;
        var teacher = Teachers[(int)(pick % (uint)Teachers.Length)];
        var role = RoleIds[(int)(pick % (uint)RoleIds.Length)];
        var staff = state.StaffNow().Order(StringComparer.Ordinal).ToList();
        var holdings = state.Roles.SelectMany(r => r.Value.Holders.Keys.Select(t => (Role: r.Key, Teacher: t)))
            .OrderBy(h => h.Role, StringComparer.Ordinal).ThenBy(h => h.Teacher, StringComparer.Ordinal).ToList();
        var active = state.Roles.Where(r => r.Value.RetiredAt is null && r.Value.FreeSeats > 0).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        var open = state.Episodes.Where(e => !e.Value.IsResolved).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        T? OneOf<T>(List<T> items) => items.Count == 0 ? default : items[(int)(pick % (uint)items.Count)];

        return (choice % 16) switch
        {
            0 or 1 => Joined(teacher, day),
            2 => OneOf(staff) is { } leaving ? Left(leaving, day) : null,
            3 => RoleDefined(role, day, seats: 1 + (int)(pick / 8 % 3)),
            4 or 5 => OneOf(active) is { } vacant && OneOf(staff) is { } holder ? Assigned(vacant, holder, day) : null,
            6 or 7 => OneOf(holdings) is (string, string) held ? Vacated(held.Role, held.Teacher, day) : RoleRetired(role, day),
            8 => Decision($"d{day}", day, [.. staff.Take(1 + (int)(pick % 3))]),
            9 => OneOf(staff) is { } opener ? EpisodeOpened($"e{day}", opener, (BreakingRanksLevel)(pick / 8 % 2), day) : null,
            10 => OneOf(open) is { } escalating ? Escalated(escalating, state.Episodes[escalating].Level + 1, day) : null,
            11 => OneOf(open) is { } resolving ? Resolved(resolving, (EpisodeOutcome)(pick / 8 % 4), day) : null,
            12 => ConditionAssessed($"condition-{pick % 3}", 1 + (int)(pick / 8 % 4), day),
            13 => new StaffCountChanged(30 + (int)(pick % 20)).On(day),
            14 => new PrincipalMoveRecorded("Gave release time", OneOf(staff), "").On(day),
            _ => new LeadershipStageAssessed((LeadershipStage)(pick % 4), "Staff survey", "Principal").On(day),
        };
    }
}
