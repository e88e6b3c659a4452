using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Grains;

/// <summary>Operations recorded on one aggregate that the other must also know of.</summary>
public sealed class CrossAggregateTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_role_assigned_by_the_school_is_taken_by_the_teacher_and_vacating_it_removes_it()
    {
        await fixture.Grains.RegisteredSchool("roles-school");
        await fixture.Grains.RegisteredTeacher("role-taker", "roles-school");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("roles-school");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("role-taker");
        await Given.Accepted(fixture.Grains.RecordAsync("roles-school", Given.Command(), Given.Role("pd-lead", "Professional learning lead")));

        var assignedAt = Given.Past.AddDays(9);
        await Given.Accepted(fixture.Grains.RecordAsync("roles-school", Given.Command(), new RoleAssigned("pd-lead", "role-taker") { OccurredAt = assignedAt }));

        var leader = (await teacher.GetState())!.State;
        var held = Assert.Single(leader.Roles.Values);
        Assert.Equal(("roles-school", "pd-lead", "Professional learning lead", assignedAt), (held.SchoolId, held.RoleId, held.Title, held.Since));
        Assert.Equal(1, leader.RolesEverTaken);
        Assert.Equal(["pd-lead"], (await school.GetState())!.State.RolesHeldBy("role-taker"));
        Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/role-taker")).OfType<RoleTaken>());

        await Given.Accepted(fixture.Grains.RecordAsync("roles-school", Given.Command(), new RoleVacated("pd-lead", "role-taker", "Term ended") { OccurredAt = Given.Past.AddDays(90) }));

        var former = (await teacher.GetState())!.State;
        Assert.Empty(former.Roles);
        Assert.Equal(1, former.RolesEverTaken);
        Assert.Empty((await school.GetState())!.State.RolesHeldBy("role-taker"));
        var left = Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/role-taker")).OfType<RoleLeft>());
        Assert.Equal(("roles-school", "pd-lead", "Term ended"), (left.SchoolId, left.RoleId, left.Reason));
    }

    public static TheoryData<string> FollowUpOnlyTypes => new(EventCatalog.All.Where(t => t.IsFollowUpOnly).Select(t => t.Kind));

    [Theory, MemberData(nameof(FollowUpOnlyTypes))]
    public async Task A_follow_up_sent_as_a_command_is_refused_by_the_grain_and_records_nothing(string kind)
    {
        var school = $"forged-{kind.ToLowerInvariant()}";
        var teacher = $"forged-by-{kind.ToLowerInvariant()}";
        await fixture.Grains.StaffedSchool(school, teacher, "coach", "Coach");
        var before = (await fixture.Store.StreamAsync($"school/{school}")).Count + (await fixture.Store.StreamAsync($"teacher/{teacher}")).Count;
        var at = Given.Past.AddDays(9);

        var outcome = kind switch
        {
            nameof(TeacherJoinedStaff) => await fixture.Grains.GetGrain<ISchoolGrain>(school).Record(Given.Command(), new TeacherJoinedStaff("someone-else") { OccurredAt = at }),
            nameof(RoleTaken) => await fixture.Grains.GetGrain<ITeacherGrain>(teacher).Record(Given.Command(), new RoleTaken(school, "coach", "Coach") { OccurredAt = at }),
            nameof(RoleLeft) => await fixture.Grains.GetGrain<ITeacherGrain>(teacher).Record(Given.Command(), new RoleLeft(school, "coach", "Forged") { OccurredAt = at }),
            _ => throw new InvalidOperationException($"No forged command for {kind}."),
        };

        Assert.Equal((ViolationKind.Invalid, "follow-up-only", "type"), (outcome.Violation?.Kind, outcome.Violation?.Code, outcome.Violation?.Field));
        Assert.Contains("record that instead", outcome.Violation!.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Store.StreamAsync($"school/{school}")).Count + (await fixture.Store.StreamAsync($"teacher/{teacher}")).Count);
        Assert.Empty((await fixture.Grains.GetGrain<ITeacherGrain>(teacher).GetState())!.State.Roles);
    }

    [Fact]
    public async Task A_school_still_records_a_teacher_leaving_its_staff_itself()
    {
        await fixture.Grains.RegisteredSchool("leaving-school");
        await fixture.Grains.RegisteredTeacher("leaver", "leaving-school");

        await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("leaving-school")
            .Record(Given.Command(), new TeacherLeftStaff("leaver") { OccurredAt = Given.Past.AddDays(40) }));

        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("leaving-school").GetState())!.State.IsOnStaff("leaver"));
    }

    [Fact]
    public async Task A_role_refused_by_the_school_never_reaches_the_teacher()
    {
        await fixture.Grains.RegisteredSchool("refusing-school");
        await fixture.Grains.RegisteredSchool("other-school");
        await fixture.Grains.RegisteredTeacher("outsider", "other-school");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("refusing-school");
        await Given.Accepted(fixture.Grains.RecordAsync("refusing-school", Given.Command(), Given.Role("team-lead")));

        var outcome = await fixture.Grains.RecordAsync("refusing-school", Given.Command(), new RoleAssigned("team-lead", "outsider") { OccurredAt = Given.Past.AddDays(9) });

        Assert.Equal("not-on-staff", outcome.Violation?.Code);
        Assert.Single(await fixture.Store.StreamAsync("teacher/outsider"));
        Assert.Empty((await fixture.Grains.GetGrain<ITeacherGrain>("outsider").GetState())!.State.Roles);
    }

    [Fact]
    public async Task A_teacher_moving_school_leaves_the_first_staff_and_joins_the_second()
    {
        await fixture.Grains.RegisteredSchool("old-school");
        await fixture.Grains.RegisteredSchool("new-school");
        await fixture.Grains.RegisteredTeacher("mover", "old-school");
        var movedAt = Given.Past.AddDays(200);

        var outcome = await Given.Accepted(fixture.Grains.RecordAsync("mover", Given.Command(), new TeacherMovedSchool("old-school", "new-school") { OccurredAt = movedAt }));

        Assert.Equal(2, outcome.Version);
        Assert.Equal("new-school", (await fixture.Grains.GetGrain<ITeacherGrain>("mover").GetState())!.State.SchoolId);
        var left = (await fixture.Grains.GetGrain<ISchoolGrain>("old-school").GetState())!.State;
        Assert.False(left.IsOnStaff("mover"));
        Assert.DoesNotContain("mover", left.StaffNow());
        var spell = Assert.Single(left.StaffHistory["mover"]);
        Assert.Equal(movedAt, spell.To);
        Assert.True(left.WasOnStaffAt("mover", movedAt.AddDays(-1)));
        var joined = (await fixture.Grains.GetGrain<ISchoolGrain>("new-school").GetState())!.State;
        Assert.True(joined.IsOnStaff("mover"));
        Assert.Equal(movedAt, Assert.Single(joined.StaffHistory["mover"]).From);
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/old-school")).OfType<TeacherLeftStaff>());
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/new-school")).OfType<TeacherJoinedStaff>());
    }

    [Fact]
    public async Task A_teacher_holding_a_role_cannot_move_until_it_is_vacated()
    {
        await fixture.Grains.RegisteredSchool("holding-school");
        await fixture.Grains.RegisteredSchool("waiting-school");
        await fixture.Grains.RegisteredTeacher("holder", "holding-school");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("holding-school");
        await Given.Accepted(fixture.Grains.RecordAsync("holding-school", Given.Command(), Given.Role("grade-chair")));
        await Given.Accepted(fixture.Grains.RecordAsync("holding-school", Given.Command(), new RoleAssigned("grade-chair", "holder") { OccurredAt = Given.Past.AddDays(9) }));
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("holder");

        var refused = await fixture.Grains.RecordAsync("holder", Given.Command(), new TeacherMovedSchool("holding-school", "waiting-school") { OccurredAt = Given.Past.AddDays(30) });

        Assert.Equal("holds-role", refused.Violation?.Code);
        Assert.True((await school.GetState())!.State.IsOnStaff("holder"));
        Assert.Single(await fixture.Store.StreamAsync("school/waiting-school"));

        await Given.Accepted(fixture.Grains.RecordAsync("holding-school", Given.Command(), new RoleVacated("grade-chair", "holder", "Moving") { OccurredAt = Given.Past.AddDays(29) }));
        await Given.Accepted(fixture.Grains.RecordAsync("holder", Given.Command(), new TeacherMovedSchool("holding-school", "waiting-school") { OccurredAt = Given.Past.AddDays(30) }));

        Assert.False((await school.GetState())!.State.IsOnStaff("holder"));
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("waiting-school").GetState())!.State.IsOnStaff("holder"));
    }

    [Fact]
    public async Task A_move_dated_before_the_teacher_joined_their_current_school_is_refused_and_writes_nothing()
    {
        await fixture.Grains.RegisteredSchool("first-post");
        await fixture.Grains.RegisteredSchool("second-post");
        await fixture.Grains.RegisteredSchool("third-post");
        await fixture.Grains.RegisteredTeacher("back-dater", "first-post");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("back-dater");
        await Given.Accepted(fixture.Grains.RecordAsync("back-dater", Given.Command(), new TeacherMovedSchool("first-post", "second-post") { OccurredAt = Given.Past.AddDays(100) }));

        var early = await fixture.Grains.RecordAsync("back-dater", Given.Command(), new TeacherMovedSchool("second-post", "third-post") { OccurredAt = Given.Past.AddDays(50) });

        Assert.Equal(ViolationKind.Conflict, early.Violation?.Kind);
        Assert.Equal("before-history", early.Violation?.Code);
        Assert.Equal(2, (await fixture.Store.StreamAsync("teacher/back-dater")).Count);
        Assert.Equal("second-post", (await teacher.GetState())!.State.SchoolId);
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("second-post").GetState())!.State.IsOnStaff("back-dater"));
        Assert.Single(await fixture.Store.StreamAsync("school/third-post"));
    }

    [Fact]
    public async Task A_move_retried_after_the_teacher_moved_back_is_replayed_not_refused()
    {
        await fixture.Grains.RegisteredSchool("home-school");
        await fixture.Grains.RegisteredSchool("away-school");
        await fixture.Grains.RegisteredTeacher("returner", "home-school");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("returner");
        var away = Given.NewCommandId();
        var moveAway = new TeacherMovedSchool("home-school", "away-school") { OccurredAt = Given.Past.AddDays(100) };
        var first = await Given.Accepted(fixture.Grains.RecordAsync("returner", Given.Command(away), moveAway));
        await Given.Accepted(fixture.Grains.RecordAsync("returner", Given.Command(), new TeacherMovedSchool("away-school", "home-school") { OccurredAt = Given.Past.AddDays(150) }));

        var retry = await Given.Accepted(fixture.Grains.RecordAsync("returner", Given.Command(away), moveAway));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(3, (await fixture.Store.StreamAsync("teacher/returner")).Count);
        Assert.Equal(3, (await fixture.Store.StreamAsync("school/away-school")).Count);
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("home-school").GetState())!.State.IsOnStaff("returner"));
    }
}
