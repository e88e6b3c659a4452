using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.ReadModels;

namespace LearningOrg.Tests.ReadModels;

/// <summary>A principal's year in review, folded from hand-written histories whose answers are counted by hand.</summary>
public sealed class SchoolYearReviewTests
{
    private static readonly SchoolYear Year = new(2024);
    private static readonly DateTimeOffset AfterTheYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    private static T At<T>(T e, DateTimeOffset at) where T : DomainEvent => e with { OccurredAt = at };

    private static SchoolYearReview Review(params DomainEvent[] events) =>
        SchoolYearReview.Of("s", "School", Year, events, [], AfterTheYear);

    [Fact]
    public void A_school_year_runs_from_August_to_July_and_is_named_by_both_calendar_years()
    {
        Assert.Equal(new DateOnly(2024, 8, 1), Year.FirstMonth);
        Assert.Equal(new DateOnly(2025, 7, 1), Year.LastMonth);
        Assert.Equal("2024–25", Year.Name);
        Assert.Equal(2023, SchoolYear.Of(new DateTimeOffset(2024, 7, 31, 23, 59, 59, TimeSpan.Zero)).StartYear);
        Assert.Equal(2024, SchoolYear.Of(new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero)).StartYear);
        Assert.True(Year.Contains(new DateTimeOffset(2025, 7, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.False(Year.Contains(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Decisions_are_counted_by_mode_inside_the_year_only()
    {
        var review = Review(
            At(new DecisionRecorded("d1", "Before", "A", DecisionMode.PrincipalAlone, [], false, ""), Day(2024, 7, 31)),
            At(new DecisionRecorded("d2", "In", "A", DecisionMode.Shared, ["t1"], false, ""), Day(2024, 8, 1)),
            At(new DecisionRecorded("d3", "In", "A", DecisionMode.Shared, ["t2"], false, ""), Day(2025, 3, 1)),
            At(new DecisionRecorded("d4", "In", "A", DecisionMode.PrincipalAlone, [], false, ""), Day(2025, 7, 31)),
            At(new DecisionRecorded("d5", "After", "A", DecisionMode.TeacherLed, ["t1"], false, ""), Day(2025, 8, 1)));

        Assert.Equal(3, review.Decisions);
        Assert.Equal(2, review.DecisionsByMode[DecisionMode.Shared]);
        Assert.Equal(1, review.DecisionsByMode[DecisionMode.PrincipalAlone]);
        Assert.False(review.DecisionsByMode.ContainsKey(DecisionMode.TeacherLed));
    }

    [Fact]
    public void A_role_shows_its_seats_at_the_end_and_the_moves_in_the_year_and_a_role_retired_before_the_year_is_left_out()
    {
        var review = Review(
            At(new TeacherLeaderRoleDefined("coach", "Coach", "Coaching", [], [], 4, 2, DecidedAt.School), Day(2023, 9, 1)),
            At(new RoleAssigned("coach", "t1"), Day(2023, 9, 2)),
            At(new RoleAssigned("coach", "t2"), Day(2024, 9, 2)),
            At(new RoleVacated("coach", "t1", "moved"), Day(2025, 1, 10)),
            At(new RoleRevised("coach", "Instructional coach", "Coaching", [], [], 5, 3, DecidedAt.School), Day(2025, 2, 1)),
            At(new RoleAssigned("coach", "t3"), Day(2025, 9, 1)),
            At(new TeacherLeaderRoleDefined("old", "Old role", "Other", [], [], 1, 1, DecidedAt.School), Day(2022, 9, 1)),
            At(new TeacherLeaderRoleRetired("old", "no longer needed"), Day(2024, 6, 1)),
            At(new TeacherLeaderRoleDefined("head", "Department head", "Admin", [], [], 2, 1, DecidedAt.School, RoleKind.Administrative), Day(2024, 10, 1)));

        Assert.Equal(["head", "coach"], review.Roles.Select(r => r.RoleId));
        var coach = review.Roles.Single(r => r.RoleId == "coach");
        Assert.Equal(("Instructional coach", 3, 1, 1, 1, 1, false), (coach.Title, coach.Seats, coach.Assigned, coach.Vacated, coach.HoldersAtEnd, coach.RevisedInYear, coach.DefinedInYear));
        var head = review.Roles.Single(r => r.RoleId == "head");
        Assert.Equal((RoleKind.Administrative, true, 0), (head.Kind, head.DefinedInYear, head.HoldersAtEnd));
    }

    [Fact]
    public void An_episode_open_during_the_year_shows_its_course_and_only_the_year_reactions()
    {
        var review = Review(
            At(new BreakingRanksEpisodeOpened("e-before", "t1", BreakingRanksAct.SpokeUp, "", BreakingRanksLevel.SpeakingUp), Day(2023, 10, 1)),
            At(new BreakingRanksEpisodeResolved("e-before", EpisodeOutcome.Accepted, ""), Day(2024, 2, 1)),
            At(new BreakingRanksEpisodeOpened("e1", "t2", BreakingRanksAct.TookInitiative, "", BreakingRanksLevel.AttractingAttention), Day(2024, 5, 1)),
            At(new BreakingRanksReactionRecorded("e1", ReactorKind.Principal, null, null, ReactionIntensity.MildIrritation, ""), Day(2024, 6, 1)),
            At(new BreakingRanksEpisodeEscalated("e1", BreakingRanksLevel.Resistance, ""), Day(2024, 9, 1)),
            At(new BreakingRanksReactionRecorded("e1", ReactorKind.Principal, null, null, ReactionIntensity.OpenOpposition, ""), Day(2024, 9, 2)),
            At(new BreakingRanksSupportGiven("e1", SupportKind.PrincipalBacking, ""), Day(2024, 9, 3)),
            At(new BreakingRanksEpisodeDeescalated("e1", BreakingRanksLevel.DesignedIntervention, ""), Day(2024, 11, 1)),
            At(new BreakingRanksEpisodeResolved("e1", EpisodeOutcome.Negotiated, ""), Day(2025, 8, 2)));

        var episode = Assert.Single(review.Episodes);
        Assert.Equal("e1", episode.EpisodeId);
        Assert.Equal(BreakingRanksAct.TookInitiative, episode.Act);
        Assert.Equal((BreakingRanksLevel.AttractingAttention, BreakingRanksLevel.Resistance, BreakingRanksLevel.DesignedIntervention),
            (episode.OpeningLevel, episode.HighestLevel, episode.LevelAtEnd));
        Assert.Equal((1, 1), (episode.Reactions, episode.Supports));
        // Resolved after the year: at the year's end it was still open.
        Assert.Null(episode.Outcome);
    }

    [Fact]
    public void A_condition_shows_its_rating_before_the_year_beside_the_ratings_in_it_and_moves_are_counted_most_frequent_first()
    {
        var review = Review(
            At(new SchoolConditionAssessed("Time", 1, "none yet"), Day(2023, 9, 1)),
            At(new SchoolConditionAssessed("Time", 2, "common planning"), Day(2024, 9, 1)),
            At(new SchoolConditionAssessed("Time", 3, "protected hours"), Day(2025, 4, 1)),
            At(new SchoolConditionAssessed("Trust", 2, "before only"), Day(2023, 9, 1)),
            At(new PrincipalMoveRecorded("Named a teacher leader's work", null, ""), Day(2024, 9, 5)),
            At(new PrincipalMoveRecorded("Protected time", null, ""), Day(2024, 10, 5)),
            At(new PrincipalMoveRecorded("Protected time", null, ""), Day(2025, 1, 5)),
            At(new PrincipalMoveRecorded("Protected time", null, ""), Day(2023, 1, 5)),
            At(new LeadershipDiscussionHeld("Norms", ["t1"], ["a", "b"]), Day(2024, 12, 1)));

        var time = Assert.Single(review.Conditions);
        Assert.Equal(("Time", 1), (time.Condition, time.RatingBefore));
        Assert.Equal([2, 3], time.Ratings.Select(r => r.Rating));
        Assert.Equal("protected hours", time.Latest.Strategy);
        Assert.Equal([("Protected time", 2), ("Named a teacher leader's work", 1)], review.Moves.Select(m => (m.Move, m.Count)));
        Assert.Equal((1, 2), (review.Discussions, review.Agreements));
    }

    [Fact]
    public void A_year_not_yet_over_is_marked_in_progress()
    {
        var during = SchoolYearReview.Of("s", "School", Year, [], [], Day(2025, 1, 1));
        Assert.True(during.InProgress);
        Assert.False(Review().InProgress);
    }
}
