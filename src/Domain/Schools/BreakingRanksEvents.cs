using System.ComponentModel.DataAnnotations;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Schools;

/// <summary>
/// How far a breaking-ranks episode has gone on the spectrum of irritation a teacher leader's step out of the flat
/// hierarchy provokes, in order. An episode's course moves along it both ways.
/// </summary>
public enum BreakingRanksLevel
{
    [Display(Name = "Speaking up")] SpeakingUp,
    [Display(Name = "Attracting attention")] AttractingAttention,
    [Display(Name = "Designed intervention")] DesignedIntervention,
    [Display(Name = "Resistance")] Resistance,
}

/// <summary>
/// What the teacher leader did that stepped out of the flat hierarchy, from the least to the most visible.
/// <see cref="NotRecorded"/> says nobody recorded what they did: an episode stored before acts were recorded reads so,
/// and an old export imports so; the web form offers only the acts.
/// </summary>
public enum BreakingRanksAct
{
    [Display(Name = "Not recorded")] NotRecorded,
    [Display(Name = "Spoke up in a meeting")] SpokeUp,
    [Display(Name = "Made their practice visible")] MadePracticeVisible,
    [Display(Name = "Took an initiative beyond their classroom")] TookInitiative,
    [Display(Name = "Led a designed intervention")] LedDesignedIntervention,
}

/// <summary>Who reacted to a teacher leader breaking ranks: a kind of person or group, never a name.</summary>
public enum ReactorKind
{
    [Display(Name = "A colleague on the staff")] Colleague,
    [Display(Name = "A team")] Team,
    [Display(Name = "The principal")] Principal,
    [Display(Name = "Another administrator")] Administrator,
    [Display(Name = "Parents")] Parents,
    [Display(Name = "Students")] Students,
    [Display(Name = "The union")] Union,
    [Display(Name = "The district")] District,
}

/// <summary>How strong a reaction was, from mild irritation to resistance.</summary>
public enum ReactionIntensity
{
    [Display(Name = "Mild irritation")] MildIrritation,
    [Display(Name = "Irritation")] Irritation,
    [Display(Name = "Open opposition")] OpenOpposition,
    [Display(Name = "Resistance")] Resistance,
}

/// <summary>What the school did to support a teacher leader through an episode.</summary>
public enum SupportKind
{
    [Display(Name = "The principal backed them publicly")] PrincipalBacking,
    [Display(Name = "Coaching or mentoring")] Coaching,
    [Display(Name = "Time set aside for the work")] ProtectedTime,
    [Display(Name = "A mediated conversation")] Mediation,
    [Display(Name = "Peers who stood with them")] PeerSupport,
    [Display(Name = "A clarified role or mandate")] ClarifiedMandate,
    [Display(Name = "Other support")] Other,
}

/// <summary>An event in the course of a breaking-ranks episode after its opening.</summary>
public interface IEpisodeEvent
{
    string EpisodeId { get; }
}

/// <summary>How a breaking-ranks episode ended.</summary>
public enum EpisodeOutcome
{
    [Display(Name = "Accepted")] Accepted,
    [Display(Name = "Negotiated")] Negotiated,
    [Display(Name = "Withdrawn")] Withdrawn,
    [Display(Name = "Left unresolved")] Unresolved,
}

/// <summary>
/// A teacher leader steps visibly out of the flat hierarchy: what they did (<see cref="Act"/>) and where on the
/// spectrum the episode's course starts (<see cref="Level"/>). Reactions, supports and the course follow as their own events.
/// </summary>
[GenerateSerializer, Alias("BreakingRanksEpisodeOpened.v2")]
[Meaning("A teacher leader stepped visibly out of the flat hierarchy: act is what they did, level where on the spectrum of irritation the episode's course starts.")]
[Command("breaking-ranks", "Open a breaking-ranks episode: what a teacher leader did to step out of the flat hierarchy")]
public sealed record BreakingRanksEpisodeOpened(
    [property: Id(0)] string EpisodeId,
    [property: Id(1), TeacherReference] string TeacherId,
    [property: Id(2)] BreakingRanksAct Act,
    [property: Id(3)] string Description,
    [property: Id(4)] BreakingRanksLevel Level) : SchoolEvent;

/// <summary>
/// An episode as it was recorded before acts, reactions and supports were: read as a
/// <see cref="BreakingRanksEpisodeOpened"/> whose act is not recorded and whose course starts at its level.
/// </summary>
[GenerateSerializer, Alias("BreakingRanksEpisodeOpened.v1")]
[Meaning("A teacher stepped out of the flat hierarchy; level is the school's first reaction. Read as BreakingRanksEpisodeOpened.v2 with act NotRecorded and the course starting at level.")]
public sealed record BreakingRanksEpisodeOpenedV1(
    [property: Id(0)] string EpisodeId,
    [property: Id(1), TeacherReference] string TeacherId,
    [property: Id(2)] string Description,
    [property: Id(3)] BreakingRanksLevel Level) : SchoolEvent, ISupersededBy<BreakingRanksEpisodeOpened>
{
    public BreakingRanksEpisodeOpened Upcast() =>
        new(EpisodeId, TeacherId, BreakingRanksAct.NotRecorded, Description, Level) { OccurredAt = OccurredAt };
}

/// <summary>
/// Someone reacted to the teacher leader's step, as it happened. Who is a structured reference: a colleague by
/// teacher id (pseudonymized in research exports), a team by its name, or a kind of person; never a person's name.
/// </summary>
[GenerateSerializer, Alias("BreakingRanksReactionRecorded.v1")]
[Meaning("Someone reacted to a teacher leader breaking ranks: reactedBy says who (a colleague by teacherId, a team by its name, or the principal, parents and so on) and intensity how strongly.")]
[Command("breaking-ranks-reactions", "Record a reaction to a breaking-ranks episode: who reacted and how strongly")]
public sealed record BreakingRanksReactionRecorded(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] ReactorKind ReactedBy,
    [property: Id(2), TeacherReference] string? TeacherId,
    [property: Id(3)] string? Team,
    [property: Id(4)] ReactionIntensity Intensity,
    [property: Id(5)] string Note) : SchoolEvent, IEpisodeEvent;

[GenerateSerializer, Alias("BreakingRanksSupportGiven.v1")]
[Meaning("The school supported the teacher leader through an episode: kind says how.")]
[Command("breaking-ranks-supports", "Record how the school supported the teacher leader through an episode")]
public sealed record BreakingRanksSupportGiven(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] SupportKind Kind,
    [property: Id(2)] string Note) : SchoolEvent, IEpisodeEvent;

[GenerateSerializer, Alias("BreakingRanksEpisodeEscalated.v1")]
[Meaning("An episode's course rose to a higher level on the spectrum.")]
[Command("breaking-ranks-escalations", "Record that an episode escalated to a higher level")]
public sealed record BreakingRanksEpisodeEscalated(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] BreakingRanksLevel Level,
    [property: Id(2)] string Note) : SchoolEvent, IEpisodeEvent;

[GenerateSerializer, Alias("BreakingRanksEpisodeDeescalated.v1")]
[Meaning("An episode's course fell to a lower level on the spectrum, never below the level it opened at.")]
[Command("breaking-ranks-deescalations", "Record that an episode calmed to a lower level")]
public sealed record BreakingRanksEpisodeDeescalated(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] BreakingRanksLevel Level,
    [property: Id(2)] string Note) : SchoolEvent, IEpisodeEvent;

[GenerateSerializer, Alias("BreakingRanksEpisodeResolved.v1")]
[Meaning("An episode ended; it takes no further events.")]
[Command("breaking-ranks-resolutions", "Record how an episode was resolved")]
public sealed record BreakingRanksEpisodeResolved(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] EpisodeOutcome Outcome,
    [property: Id(2)] string Note) : SchoolEvent, IEpisodeEvent;
