using System.ComponentModel.DataAnnotations;
using System.Reflection;
using LearningOrg.Api.Web.Timeline;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Domain;

/// <summary>The words people read for the contract's enum values and names.</summary>
public sealed class LabelsTests
{
    private enum Unlabelled { StaffConsensus, PLCMeeting }

    [Fact]
    public void An_enum_value_reads_as_its_display_name()
    {
        Assert.Equal("Teacher-led", Labels.Of(DecisionMode.TeacherLed));
        Assert.Equal("Left unresolved", Labels.Of(EpisodeOutcome.Unresolved));
    }

    [Fact]
    public void A_value_without_a_display_name_reads_as_its_name_split_into_words()
    {
        Assert.Equal("Staff consensus", Labels.Of(Unlabelled.StaffConsensus));
        Assert.Equal("PLC meeting", Labels.Of(Unlabelled.PLCMeeting));
        Assert.Equal("Decision recorded", Labels.Words("DecisionRecorded"));
    }

    /// <summary>Every enum an event a person records carries offers each value by a label written for people.</summary>
    [Fact]
    public void Every_member_of_every_enum_an_event_carries_has_a_display_name()
    {
        var enums = EventCatalog.All
            .SelectMany(t => t.ClrType.GetConstructors().Single().GetParameters())
            .Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();
        Assert.NotEmpty(enums);
        var unlabelled = enums
            .SelectMany(e => e.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (e, f)))
            .Where(x => x.f.GetCustomAttribute<DisplayAttribute>()?.GetName() is not { Length: > 0 })
            .Select(x => $"{x.e.Name}.{x.f.Name}")
            .ToList();
        Assert.Empty(unlabelled);
    }

    [Fact]
    public void A_timeline_line_names_each_teacher_it_mentions_by_whole_id_only()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["t-mg-1"] = "Maya Chen", ["t-mg-12"] = "Olivia Grant" };

        var line = TimelineDisplay.Named("t-mg-12 joined the staff after t-mg-1", ["t-mg-1", "t-mg-12", "t-unknown"], names);

        Assert.Equal("Olivia Grant joined the staff after Maya Chen", line);
    }
}
