namespace LearningOrg.Api.Web.Forms;

/// <summary>How a record form asks for one field of an event.</summary>
public enum FieldKind
{
    /// <summary>A line of text.</summary>
    Text,

    /// <summary>Several lines of text: a note, a rationale, evidence.</summary>
    LongText,

    /// <summary>One value of an enum, by its label.</summary>
    Choice,

    WholeNumber,

    DecimalNumber,

    YesNo,

    /// <summary>A list of texts, one per line.</summary>
    Entries,

    /// <summary>One teacher of the staff.</summary>
    Teacher,

    /// <summary>Teachers of the staff, any number.</summary>
    Teachers,

    /// <summary>A school known to the system.</summary>
    School,

    /// <summary>The id of the thing the event begins: made by the page, never typed.</summary>
    NewId,

    /// <summary>The id of something an earlier entry of the same record began (a role, an episode, a measure).</summary>
    Reference,

    /// <summary>A role type from the catalog (<see cref="Domain.Roles.RoleTypeReferenceAttribute"/>).</summary>
    RoleType,

    /// <summary>A date and time.</summary>
    Instant,

    /// <summary>A value of a shape the form has no control for, written as JSON.</summary>
    Json,
}
