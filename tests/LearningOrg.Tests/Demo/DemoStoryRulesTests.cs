using System.Globalization;
using LearningOrg.Demo;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Demo;

/// <summary>
/// The demo story checked without a cluster: its shape, and every step folded through the aggregates' own rules, with
/// the follow-ups the grains would write, so that a broken rule is reported with every other one at once.
/// </summary>
public sealed class DemoStoryRulesTests(ITestOutputHelper output)
{
    [Fact]
    public void Steps_are_numbered_in_the_order_they_happened_within_the_four_school_years()
    {
        var steps = DemoStory.Steps;
        Assert.InRange(steps.Count, 400, 700);
        Assert.Equal(
            Enumerable.Range(1, steps.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{DemoIds.CommandIdPrefix}{i:D4}")),
            steps.Select(s => s.CommandId));
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.OccurredAt <= p.Second.OccurredAt), "Steps must be ordered by occurredAt.");
        Assert.All(steps, s => Assert.InRange(s.OccurredAt, new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.All(steps, s => Assert.True(Limits.IsIdentifier(s.AggregateId), s.Description));
        Assert.Equal(3, steps.Count(s => s.Event is SchoolRegistered));
        Assert.All(steps.Where(s => s.Event is TeacherJoinedStaff or RoleTaken or RoleLeft), s => Assert.Fail($"{s.Description} is the grains' follow-up, never sent directly."));
    }

    [Fact]
    public void Every_step_obeys_the_rules_of_its_aggregate_and_of_the_grains_cross_checks()
    {
        var world = new InMemoryWorld(DateTimeOffset.UtcNow);
        var problems = DemoStory.Steps
            .Select(step => (step, violation: world.Record(step.AggregateId, step.Event)))
            .Where(r => r.violation is not null)
            .Select(r => $"{r.step.Description}: {r.violation!.Code}: {r.violation.Message}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        foreach (var (kind, count) in world.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind,-32} {count,4}");
        }
        output.WriteLine($"{"total (with follow-ups)",-32} {world.Counts.Values.Sum(),4}");
        output.WriteLine($"{"steps",-32} {DemoStory.Steps.Count,4}");
    }

    /// <summary>The four aggregates in memory, with the grains' cross-checks and follow-ups.</summary>
    private sealed class InMemoryWorld(DateTimeOffset now)
    {
        private readonly Dictionary<string, SchoolState> schools = [];
        private readonly Dictionary<string, TeacherState> teachers = [];
        private readonly Dictionary<string, InitiativeState> initiatives = [];
        private readonly Dictionary<string, NetworkState> networks = [];

        public Dictionary<string, int> Counts { get; } = [];

        public RuleViolation? Record(string id, DomainEvent proposed) => proposed switch
        {
            SchoolEvent e => RecordSchool(id, e),
            TeacherEvent e => RecordTeacher(id, e),
            InitiativeEvent e => SchoolExistsFor(e is SchoolEnrolled s ? s.SchoolId : null, e.OccurredAt)
                ?? Decide<Initiative, InitiativeState, InitiativeEvent>(initiatives, id, e),
            NetworkEvent e => SchoolExistsFor(e is SchoolJoinedNetwork s ? s.SchoolId : null, e.OccurredAt)
                ?? Decide<Network, NetworkState, NetworkEvent>(networks, id, e),
            _ => RuleViolation.Invalid("type", $"{proposed.GetType().Name} is no aggregate's event."),
        };

        private RuleViolation? RecordSchool(string id, SchoolEvent proposed)
        {
            var violation = Decide<School, SchoolState, SchoolEvent>(schools, id, proposed);
            if (violation is not null)
            {
                return violation;
            }
            return proposed switch
            {
                RoleAssigned e => FollowUp(RecordTeacher(e.TeacherId, new RoleTaken(id, e.RoleId, schools[id].Roles[e.RoleId].Definition.Title) { OccurredAt = e.OccurredAt })),
                RoleVacated e => FollowUp(RecordTeacher(e.TeacherId, new RoleLeft(id, e.RoleId, e.Reason) { OccurredAt = e.OccurredAt })),
                _ => null,
            };
        }

        private RuleViolation? RecordTeacher(string id, TeacherEvent proposed)
        {
            teachers.TryGetValue(id, out var state);
            var crossCheck = proposed switch
            {
                TeacherRegistered e when state is null => SchoolExistsFor(e.SchoolId, e.OccurredAt),
                TeacherMovedSchool e when state is not null && state.SchoolId == e.FromSchoolId => SchoolExistsFor(e.ToSchoolId, e.OccurredAt),
                _ => null,
            };
            var violation = crossCheck ?? Decide<Teacher, TeacherState, TeacherEvent>(teachers, id, proposed);
            if (violation is not null)
            {
                return violation;
            }
            return proposed switch
            {
                TeacherRegistered e => FollowUp(RecordSchool(e.SchoolId, new TeacherJoinedStaff(id) { OccurredAt = e.OccurredAt })),
                TeacherMovedSchool e => FollowUp(RecordSchool(e.FromSchoolId, new TeacherLeftStaff(id) { OccurredAt = e.OccurredAt }))
                    ?? FollowUp(RecordSchool(e.ToSchoolId, new TeacherJoinedStaff(id) { OccurredAt = e.OccurredAt })),
                _ => null,
            };
        }

        private RuleViolation? SchoolExistsFor(string? schoolId, DateTimeOffset at) =>
            schoolId is null ? null
            : !schools.TryGetValue(schoolId, out var school) ? RuleViolation.NotFound("school-not-found", $"No school {schoolId} has been registered.")
            : at < school.RegisteredAt ? RuleViolation.Conflict("before-history", $"School {schoolId} was registered on {school.RegisteredAt:O}.")
            : null;

        private static RuleViolation? FollowUp(RuleViolation? violation) =>
            violation is null ? null : violation with { Message = $"The grain's follow-up would be refused: {violation.Message}" };

        private RuleViolation? Decide<TAggregate, TState, TEvent>(Dictionary<string, TState> states, string id, TEvent proposed)
            where TAggregate : IAggregate<TState, TEvent>
            where TState : class
            where TEvent : DomainEvent
        {
            states.TryGetValue(id, out var state);
            var decision = TAggregate.Decide(state, proposed, now);
            if (!decision.IsAccepted)
            {
                return decision.Violation;
            }
            states[id] = Aggregate.Fold<TAggregate, TState, TEvent>(state, decision.Events)!;
            foreach (var recorded in decision.Events)
            {
                var kind = EventCatalog.For(recorded.GetType()).Kind;
                Counts[kind] = Counts.GetValueOrDefault(kind) + 1;
            }
            return null;
        }
    }
}
