using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore.Privacy;

namespace LearningOrg.Tests.Privacy;

public sealed class PersonalDataRedactorTests
{
    private readonly PersonalDataRedactor redactor = new("Ana  Lopez");

    [Fact]
    public void A_name_field_holding_the_name_in_any_case_or_spacing_is_erased()
    {
        var (redacted, fields) = redactor.Redact(new InformalLeadershipObserved(LeadershipAct.Other, LeadershipDomain.Research, "", " ana LOPEZ"));

        Assert.Equal(PersonalDataRedactor.Erased, ((InformalLeadershipObserved)redacted).ObservedBy);
        Assert.Equal<string>(["observedBy"], fields);
    }

    [Fact]
    public void Whole_word_mentions_in_text_are_erased_and_ids_teacher_references_and_other_words_are_kept()
    {
        var decision = new DecisionRecorded("ana-lopez-plan", "Ana Lopezova's plan", "Ana Lopez", DecisionMode.Shared, ["ana-lopez"], true,
            "Proposed by Ana\nLopez, seconded by Ben.")
        { OccurredAt = DateTimeOffset.UnixEpoch };

        var (redacted, fields) = redactor.Redact(decision);

        Assert.Equal(decision with { Area = "[erased]", Rationale = "Proposed by [erased], seconded by Ben." }, redacted);
        Assert.Equal<string>(["area", "rationale"], fields);
    }

    [Fact]
    public void An_event_without_the_name_is_returned_as_it_is()
    {
        var assessed = new LeadershipStageAssessed(LeadershipStage.Shared, "Everyone leads.", "Ben Oduya");

        var (redacted, fields) = redactor.Redact(assessed);

        Assert.Same(assessed, redacted);
        Assert.Empty(fields);
    }

    [Fact]
    public void The_search_term_is_the_longest_word_of_the_name()
    {
        Assert.Equal("Lopez", redactor.SearchTerm);
        Assert.Equal("Quartermaine", new PersonalDataRedactor("Zelda Quartermaine").SearchTerm);
    }
}
