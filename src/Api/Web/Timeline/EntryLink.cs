using LearningOrg.EventStore;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>The address of one entry's full record: <c>/{kind}s/{id}/entries/{version}</c>.</summary>
public static class EntryLink
{
    public static string To(string streamId, long version)
    {
        var (aggregate, id) = StreamKeys.Parse(streamId);
        return To(aggregate, id, version);
    }

    public static string To(string aggregate, string id, long version) =>
        $"/{aggregate}s/{Uri.EscapeDataString(id)}/entries/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
