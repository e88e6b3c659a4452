namespace LearningOrg.Api.Web.Forms;

/// <summary>One field of an event's record form.</summary>
/// <param name="Name">The JSON property, camelCase, as the API's errors name it.</param>
/// <param name="Label">What the person reads.</param>
/// <param name="Optional">The event accepts it empty (a nullable field, or one with a default).</param>
/// <param name="EnumType">For <see cref="FieldKind.Choice"/>: the enum offered.</param>
/// <param name="Default">The value preselected, by name, when the record declares a default.</param>
public sealed record FormField(string Name, string Label, FieldKind Kind, bool Optional, Type? EnumType = null, string? Default = null);
