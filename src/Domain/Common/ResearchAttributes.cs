namespace LearningOrg.Domain.Common;

/// <summary>
/// The field holds one or more teacher ids (a teacher's stream is <c>teacher/{id}</c>). Research exports replace
/// each id with the same keyed pseudonym wherever it appears, so that a teacher can be followed across events
/// without being named. Every new field that holds a teacher id needs this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class TeacherReferenceAttribute : Attribute;

/// <summary>
/// The field holds a person's name (a teacher's, or who observed or assessed). Pseudonymized research exports leave
/// it out. Every new field that holds a name needs this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class PersonalNameAttribute : Attribute;

/// <summary>
/// The field is a dictionary keyed by teacher ids. Pseudonymized reads replace each key with the teacher's pseudonym.
/// Every new dictionary keyed by teacher ids needs this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class TeacherKeysAttribute : Attribute;
