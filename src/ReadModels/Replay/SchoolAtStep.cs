using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;

namespace LearningOrg.ReadModels;

/// <summary>A school as it stood at a moment: its state then (null before it was registered) and that month's culture indicators.</summary>
public sealed record SchoolAtStep(SchoolState? State, CulturePoint Indicators);
