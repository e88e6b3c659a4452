using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// Histories are entered after the fact, with the dates they happened on. Folding the events that had happened by a
/// date gives the school and the teacher as they were on it.
/// </summary>
public sealed class AsOfTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DateTimeOffset Registered = new(2019, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StaffGrew = new(2020, 1, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TeacherJoined = new(2020, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RoleDefined = new(2021, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RoleAssignedOn = new(2021, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StaffShrank = new(2022, 8, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RoleVacatedOn = new(2023, 6, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Folding_as_of_a_date_gives_what_had_happened_by_then_and_as_of_now_the_live_state()
    {
        var grains = fixture.Grains;
        var school = grains.GetGrain<ISchoolGrain>("entered-late");
        // All of it entered today, years after it happened.
        await Given.Accepted(school.Record(Given.Command(), Given.School("Entered late", staff: 30, at: Registered)));
        await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(34) { OccurredAt = StaffGrew }));
        await grains.RegisteredTeacher("historian", "entered-late", TeacherJoined);
        await Given.Accepted(school.Record(Given.Command(), Given.Role("literacy-lead", "Literacy lead", at: RoleDefined)));
        await Given.Accepted(grains.RecordAsync("entered-late", Given.Command(), new RoleAssigned("literacy-lead", "historian") { OccurredAt = RoleAssignedOn }));
        await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(31) { OccurredAt = StaffShrank }));
        await Given.Accepted(grains.RecordAsync("entered-late", Given.Command(), new RoleVacated("literacy-lead", "historian", "Sabbatical") { OccurredAt = RoleVacatedOn }));
        var journal = new EventReader(fixture.Store);

        Task<(SchoolState? State, long LastVersion, int Events)> SchoolAsOf(DateTimeOffset at) =>
            journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>("school/entered-late", at, CancellationToken.None);
        Task<(TeacherState? State, long LastVersion, int Events)> TeacherAsOf(DateTimeOffset at) =>
            journal.FoldAsOfAsync<Teacher, TeacherState, TeacherEvent>("teacher/historian", at, CancellationToken.None);

        var beforeRegistration = await SchoolAsOf(Registered.AddDays(-1));
        Assert.Null(beforeRegistration.State);
        Assert.Equal((0L, 0), (beforeRegistration.LastVersion, beforeRegistration.Events));

        var onRegistration = await SchoolAsOf(Registered);
        Assert.Equal(30, onRegistration.State!.StaffCount);
        Assert.Equal(1, onRegistration.Events);

        var firstWinter = (await SchoolAsOf(StaffGrew.AddDays(1))).State!;
        Assert.Equal(34, firstWinter.StaffCount);
        Assert.Empty(firstWinter.StaffHistory);
        Assert.Empty(firstWinter.Roles);

        var secondAutumn = (await SchoolAsOf(TeacherJoined.AddMonths(1))).State!;
        Assert.True(secondAutumn.IsOnStaff("historian"));
        Assert.Empty(secondAutumn.Roles);
        Assert.Null((await TeacherAsOf(TeacherJoined.AddDays(-1))).State);
        Assert.Empty((await TeacherAsOf(TeacherJoined.AddMonths(1))).State!.Roles);

        var whileLeading = await SchoolAsOf(RoleAssignedOn.AddMonths(6));
        Assert.Equal(5, whileLeading.Events);
        Assert.Equal(34, whileLeading.State!.StaffCount);
        Assert.Equal(["literacy-lead"], whileLeading.State.RolesHeldBy("historian"));
        var leader = (await TeacherAsOf(RoleAssignedOn.AddMonths(6))).State!;
        var held = Assert.Single(leader.Roles.Values);
        Assert.Equal(("entered-late", "literacy-lead", RoleAssignedOn), (held.SchoolId, held.RoleId, held.Since));

        var afterShrinking = (await SchoolAsOf(StaffShrank.AddDays(1))).State!;
        Assert.Equal(31, afterShrinking.StaffCount);
        Assert.Equal(["literacy-lead"], afterShrinking.RolesHeldBy("historian"));

        var afterVacancy = (await SchoolAsOf(RoleVacatedOn.AddDays(1))).State!;
        Assert.Empty(afterVacancy.RolesHeldBy("historian"));
        Assert.True(afterVacancy.IsOnStaff("historian"));
        Assert.Empty((await TeacherAsOf(RoleVacatedOn.AddDays(1))).State!.Roles);

        var now = DateTimeOffset.UtcNow;
        var schoolNow = await SchoolAsOf(now);
        var liveSchool = (await school.GetState())!;
        Assert.Equal(liveSchool.Version, schoolNow.LastVersion);
        Assert.Equal(Given.CanonicalJson(liveSchool.State), Given.CanonicalJson(schoolNow.State));
        var teacherNow = await TeacherAsOf(now);
        var liveTeacher = (await grains.GetGrain<ITeacherGrain>("historian").GetState())!;
        Assert.Equal(liveTeacher.Version, teacherNow.LastVersion);
        Assert.Equal(Given.CanonicalJson(liveTeacher.State), Given.CanonicalJson(teacherNow.State));
    }

    [Fact]
    public async Task An_event_entered_late_counts_from_the_day_it_happened_not_the_day_it_was_entered()
    {
        await fixture.Grains.RegisteredSchool("back-dated", Registered);
        var school = fixture.Grains.GetGrain<ISchoolGrain>("back-dated");
        await Given.Accepted(school.Record(Given.Command(), new LeadershipStageAssessed(LeadershipStage.Developing, "Teams lead PD", "Coach") { OccurredAt = StaffShrank }));
        var journal = new EventReader(fixture.Store);

        var before = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>("school/back-dated", StaffShrank.AddTicks(-1), CancellationToken.None);
        var on = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>("school/back-dated", StaffShrank, CancellationToken.None);

        Assert.Null(before.State!.Stage);
        Assert.Equal(LeadershipStage.Developing, on.State!.Stage);
        Assert.Equal(StaffShrank, on.State.StageAssessedAt);
        Assert.Equal(2, on.LastVersion);
    }
}
