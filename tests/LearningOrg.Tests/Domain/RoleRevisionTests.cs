using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using static LearningOrg.Tests.Domain.Given;
using static LearningOrg.Tests.Domain.SchoolStory;

namespace LearningOrg.Tests.Domain;

/// <summary>RoleRevised: a new revision of a role's job description replaces what the role says and keeps every revision.</summary>
public sealed class RoleRevisionTests
{
    private static RoleRevised Revised(string roleId, int day, int seats = 2, string title = "Instructional coach (revised)") =>
        new RoleRevised(roleId, title, "instruction", ["Lead a cycle of inquiry"], ["Observe two colleagues a month"], 4, seats, DecidedAt.School).On(day);

    [Fact]
    public void A_revision_of_a_defined_role_is_accepted_and_becomes_the_job_description_in_force()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2));
        var revision = Revised("coach", 5, seats: 3);

        IsAccepted(Decide(school, revision), revision);
        var role = School.Apply(school, revision).Roles["coach"];
        Assert.Equal("Instructional coach (revised)", role.Definition.Title);
        Assert.Equal(3, role.Definition.Seats);
        Assert.Equal(3, role.FreeSeats);
        Assert.Equal(Day(2), role.Definition.OccurredAt);
    }

    [Fact]
    public void Each_revision_is_kept_in_order()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), Revised("coach", 5, title: "First"), Revised("coach", 9, title: "Second"));

        var role = school.Roles["coach"];
        Assert.Equal(["First", "Second"], [.. role.Revisions.Select(r => r.Title)]);
        Assert.Equal("Second", role.Definition.Title);
        Assert.Equal(Day(9), role.DescribedAt);
    }

    [Fact]
    public void A_revision_keeps_the_roles_holders()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3), Revised("coach", 5));

        Assert.True(school.Roles["coach"].Holders.ContainsKey("ana"));
    }

    [Fact]
    public void A_revision_of_an_unknown_role_is_not_found()
    {
        IsRejected(Decide(Fold(Registered()), Revised("coach", 5)), ViolationKind.NotFound, "role-not-found", "roleId");
    }

    [Fact]
    public void A_retired_role_cannot_be_revised()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), RoleRetired("coach", 3));

        IsRejected(Decide(school, Revised("coach", 5)), ViolationKind.Conflict, "role-retired", "roleId");
    }

    [Fact]
    public void A_revision_before_the_last_one_is_refused()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), Revised("coach", 9));

        IsRejected(Decide(school, Revised("coach", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_revision_needs_a_seat_for_each_holder()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), RoleDefined("coach", 2, seats: 2),
            Assigned("coach", "ana", 3), Assigned("coach", "ben", 3));

        IsRejected(Decide(school, Revised("coach", 5, seats: 1)), ViolationKind.Conflict, "seats-below-holders", "seats");
    }

    [Theory]
    [InlineData(0, "seats")]
    [InlineData(School.MaxSeats + 1, "seats")]
    public void A_revision_obeys_the_definitions_field_limits(int seats, string field)
    {
        IsInvalid(Decide(Fold(Registered(), RoleDefined("coach", 2)), Revised("coach", 5, seats: seats)), field);
    }

    [Fact]
    public void A_revision_with_a_blank_title_is_invalid()
    {
        IsInvalid(Decide(Fold(Registered(), RoleDefined("coach", 2)), Revised("coach", 5, title: " ")), "title");
    }
}
