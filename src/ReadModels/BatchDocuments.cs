using Marten;

namespace LearningOrg.ReadModels;

/// <summary>
/// The documents a projection reads and writes while it applies one batch of events. A lightweight session does not
/// see what it has stored but not yet committed, so a later event of the same batch (an import appends many) reads
/// the projection's own pending writes from here.
/// </summary>
internal sealed class BatchDocuments(IDocumentOperations operations)
{
    private readonly Dictionary<(Type, string), object?> seen = [];

    public IDocumentOperations Operations => operations;

    public async Task<T?> LoadAsync<T>(string id, CancellationToken cancellation)
        where T : class
    {
        if (seen.TryGetValue((typeof(T), id), out var known))
        {
            return (T?)known;
        }
        var loaded = await operations.LoadAsync<T>(id, cancellation);
        seen[(typeof(T), id)] = loaded;
        return loaded;
    }

    /// <summary>
    /// Loads in one query every document of <paramref name="ids"/> not yet seen, so that the batch's later
    /// <see cref="LoadAsync{T}"/> calls answer from memory: a rebuild applies thousands of events per batch.
    /// </summary>
    public async Task PreloadAsync<T>(IEnumerable<string> ids, Func<T, string> idOf, CancellationToken cancellation)
        where T : class
    {
        var unseen = ids.Distinct(StringComparer.Ordinal).Where(id => !seen.ContainsKey((typeof(T), id))).ToList();
        if (unseen.Count == 0)
        {
            return;
        }
        var loaded = (await operations.LoadManyAsync<T>(cancellation, unseen)).ToDictionary(idOf, StringComparer.Ordinal);
        foreach (var id in unseen)
        {
            seen[(typeof(T), id)] = loaded.GetValueOrDefault(id);
        }
    }

    /// <summary>Whether this batch has stored the document (and not deleted it since).</summary>
    public bool HasStored<T>(string id)
        where T : class =>
        seen.TryGetValue((typeof(T), id), out var known) && known is not null;

    public void Store<T>(string id, T document)
        where T : class
    {
        seen[(typeof(T), id)] = document;
        operations.Store(document);
    }

    public void Delete<T>(string id)
        where T : class
    {
        seen[(typeof(T), id)] = null;
        operations.Delete<T>(id);
    }
}
