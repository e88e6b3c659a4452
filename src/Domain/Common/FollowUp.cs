namespace LearningOrg.Domain.Common;

/// <summary>
/// An event that one aggregate's recorded event asks another aggregate to record: the second half of a two-aggregate
/// operation, such as the teacher's <c>RoleTaken</c> for a school's <c>RoleAssigned</c>. The aggregate that records
/// it is of the event's own kind.
/// </summary>
/// <param name="Step">Names the follow-up within its cause: its command id is the cause's command id, "/" and the step.</param>
/// <param name="TargetId">The id of the aggregate that records it.</param>
public sealed record FollowUp(string Step, string TargetId, DomainEvent Event)
{
    /// <summary>A teacher joins a school's staff (registration, or the arrival of a move).</summary>
    public const string Join = "join";

    /// <summary>A teacher leaves a school's staff (the departure of a move).</summary>
    public const string Leave = "leave";

    /// <summary>A school's role change reaches the teacher.</summary>
    public const string Teacher = "teacher";

    /// <summary>Every step; a command id whose last segment is one of them is a follow-up's.</summary>
    public static IReadOnlyList<string> Steps { get; } = [Join, Leave, Teacher];

    /// <summary>The command-id endings of follow-ups, for readers: <c>/join, /leave or /teacher</c>.</summary>
    public static string Endings { get; } = string.Join(", ", Steps.SkipLast(1).Select(s => "/" + s)) + " or /" + Steps[^1];

    /// <summary>Whether <paramref name="commandId"/> is a follow-up's: its last segment is a step.</summary>
    public static bool IsFollowUpCommand(string commandId)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        return Steps.Any(step => commandId.EndsWith("/" + step, StringComparison.Ordinal));
    }
}

/// <summary>
/// The event is only ever recorded as a <see cref="FollowUp"/>, by the system; a caller records one of its causes
/// instead, and an aggregate's grain refuses it as a command.
/// </summary>
/// <param name="causes">The kinds of event whose follow-up it is, e.g. <c>RoleAssigned</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FollowUpOnlyAttribute(params string[] causes) : Attribute
{
    public IReadOnlyList<string> Causes { get; } = causes;
}
