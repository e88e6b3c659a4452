using System.ComponentModel.DataAnnotations;

namespace LearningOrg.Domain.Initiatives;

/// <summary>Where a key question comes from: one of the four strategies for district teacher leadership, or the policy questions.</summary>
public enum KeyQuestionSource
{
    [Display(Name = "Design for impact")] DesignForImpact,
    [Display(Name = "Know the context")] KnowTheContext,
    [Display(Name = "Define measures before implementation")] DefineMeasures,
    [Display(Name = "Build strategically, with clear roles")] BuildStrategically,
    [Display(Name = "Questions for policy-makers")] Policy,
}

/// <summary>
/// The questions the toolkits ask an initiative to answer, in our words: the key questions of the four strategies for
/// district teacher leadership and the toolset's questions for policy-makers. The member names are the public codes.
/// </summary>
public enum KeyQuestion
{
    [Display(Name = "Which priorities can teacher leadership advance, and where and how would it advance them best?")]
    PrioritiesAdvanced,

    [Display(Name = "Does the initiative do more than give top teachers a career path?")]
    MoreThanACareerPath,

    [Display(Name = "Can the district identify its most effective teachers accurately enough?")]
    IdentifyingEffectiveTeachers,

    [Display(Name = "Where do teachers already collaborate, where can teacher leadership build trust, and where will mistrust stand in the way?")]
    CollaborationAndTrust,

    [Display(Name = "How will success be measured in the short and the long term?")]
    MeasuringSuccess,

    [Display(Name = "Which systems are needed to assess the impact of teacher leadership?")]
    AssessingImpact,

    [Display(Name = "Where will the district be tight, and where loose?")]
    TightAndLoose,

    [Display(Name = "What will the district build itself, and where will it work with partners?")]
    BuildOrPartner,

    [Display(Name = "Which features of the roles are decided by the system and which by each school, and how flexible are the roles?")]
    RoleFlexibility,

    [Display(Name = "How are schools encouraged to find and empower teacher leaders as agents of change for equity and learning?")]
    EmpoweringTeachers,

    [Display(Name = "What support (professional learning, cooperation, networks) do teacher leaders need to foster equity and learning in their schools?")]
    SupportingTeachers,

    [Display(Name = "Which structures and tools help school leaders share leadership with teacher leaders and build a participative culture?")]
    StructuresAndTools,
}

/// <summary>The key questions grouped by where they come from, in the toolkits' order.</summary>
public static class KeyQuestions
{
    /// <summary>Where a question comes from.</summary>
    public static KeyQuestionSource SourceOf(KeyQuestion question) => question switch
    {
        KeyQuestion.PrioritiesAdvanced or KeyQuestion.MoreThanACareerPath => KeyQuestionSource.DesignForImpact,
        KeyQuestion.IdentifyingEffectiveTeachers or KeyQuestion.CollaborationAndTrust => KeyQuestionSource.KnowTheContext,
        KeyQuestion.MeasuringSuccess or KeyQuestion.AssessingImpact => KeyQuestionSource.DefineMeasures,
        KeyQuestion.TightAndLoose or KeyQuestion.BuildOrPartner or KeyQuestion.RoleFlexibility => KeyQuestionSource.BuildStrategically,
        KeyQuestion.EmpoweringTeachers or KeyQuestion.SupportingTeachers or KeyQuestion.StructuresAndTools => KeyQuestionSource.Policy,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Not a key question."),
    };

    /// <summary>Every question, grouped by its source, both in declaration order.</summary>
    public static IReadOnlyList<(KeyQuestionSource Source, IReadOnlyList<KeyQuestion> Questions)> BySource { get; } =
    [
        .. Enum.GetValues<KeyQuestion>().GroupBy(SourceOf).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<KeyQuestion>)[.. g])),
    ];
}
