namespace LearningOrg.Domain.Common;

/// <summary>What a field of a response or an event envelope holds, for the pseudonymized reads and exports.</summary>
public enum PseudonymizedAs
{
    /// <summary>A stream key: a teacher's (teacher/{id}) becomes teacher/{pseudonym}.</summary>
    StreamKey,

    /// <summary>Who recorded: u- and a keyed hash.</summary>
    User,

    /// <summary>A command id: c- and a keyed hash.</summary>
    Command,

    /// <summary>The id of the aggregate the response is about: a pseudonym when the aggregate is a teacher.</summary>
    AggregateId,

    /// <summary>A sentence built from the response's event: built again from the pseudonymized event's fields.</summary>
    EventSummary,
}

/// <summary>Marks a field of a response or an envelope that pseudonymized reads change (teacher ids and names have their own attributes).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class PseudonymizedAttribute(PseudonymizedAs kind) : Attribute
{
    public PseudonymizedAs Kind { get; } = kind;
}
