using System.Text.Json.Nodes;
using LearningOrg.EventStore;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// Gives a copy of the story ids of its own by appending a suffix: every aggregate id of the story (a school, a teacher,
/// the network, the initiative) wherever it appears, and, when asked, the ids that are local to a stream (a role's,
/// an episode's, a decision's: string properties named "…Id"), so that a school can live its story again in a later
/// round without meeting the roles and episodes of the first.
/// </summary>
public sealed class IdRenamer(IReadOnlySet<string> aggregateIds, string suffix, IReadOnlySet<string> kept, bool renameLocalIds)
{
    public string Id(string id) => kept.Contains(id) || !aggregateIds.Contains(id) ? id : id + suffix;

    public string StreamKey(string streamKey)
    {
        var (aggregate, id) = StreamKeys.Parse(streamKey);
        return StreamKeys.For(aggregate, Id(id));
    }

    public JsonObject Data(JsonObject data)
    {
        var copy = data.DeepClone().AsObject();
        Rename(copy);
        return copy;
    }

    private void Rename(JsonObject node)
    {
        foreach (var (name, value) in node.ToList())
        {
            switch (value)
            {
                case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                    node[name] = Renamed(name, text);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue item && item.TryGetValue<string>(out var element))
                        {
                            array[i] = Id(element);
                        }
                        else if (array[i] is JsonObject inner)
                        {
                            Rename(inner);
                        }
                    }
                    break;
                case JsonObject inner:
                    Rename(inner);
                    break;
            }
        }
    }

    private string Renamed(string property, string value)
    {
        if (aggregateIds.Contains(value))
        {
            return Id(value);
        }
        return renameLocalIds && property.EndsWith("Id", StringComparison.Ordinal) && !kept.Contains(value) ? value + suffix : value;
    }
}
