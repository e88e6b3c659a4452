using Marten;

namespace LearningOrg.EventStore;

/// <summary>
/// The follow-ups waiting to be recorded (<see cref="FollowUpMessage"/>). Rows are added and removed only inside the
/// appends of <see cref="GroupCommit"/>; this reads them, and removes one whose target needs to record nothing.
/// </summary>
public sealed class FollowUpOutbox(IDocumentStore store)
{
    /// <summary>The follow-ups waiting for <paramref name="target"/>, each source's in the order it wrote them; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<FollowUpMessage>> WaitingForAsync(string target, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<FollowUpMessage>()
            .Where(m => m.Target == target)
            .OrderBy(m => m.Source).ThenBy(m => m.SourceVersion).ThenBy(m => m.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The targets of follow-ups written at or before <paramref name="writtenBy"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> TargetsWaitingSinceAsync(DateTimeOffset writtenBy, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var waiting = await session.Query<FollowUpMessage>()
            .Where(m => m.CreatedAt <= writtenBy)
            .OrderBy(m => m.CreatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. waiting.Select(m => m.Target).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How many follow-ups are waiting.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<FollowUpMessage>().CountAsync(cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<FollowUpMessage>(id);
        await session.SaveChangesAsync(cancellationToken);
    }
}
