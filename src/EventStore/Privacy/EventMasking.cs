using System.Reflection;
using JasperFx.Events.Protected;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using Marten;

namespace LearningOrg.EventStore.Privacy;

/// <summary>
/// Marten's event masking for every event type. Marten takes one masking rule per event type at configuration, but
/// what an erasure masks depends on whose data it erases; so each rule asks the mask of the erasure running in the
/// current async flow, and leaves the event as it is when none is running.
/// </summary>
public static class EventMasking
{
    private static readonly AsyncLocal<Func<DomainEvent, DomainEvent>?> CurrentMask = new();

    private static readonly MethodInfo AddRuleMethod =
        typeof(EventMasking).GetMethod(nameof(AddRule), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Configure(StoreOptions options)
    {
        // An older version is read as its newer one, whose rule masks it.
        foreach (var type in EventCatalog.All.Where(t => !t.IsSuperseded))
        {
            AddRuleMethod.MakeGenericMethod(type.ClrType).Invoke(null, [options]);
        }
    }

    /// <summary>Rewrites in place, with <paramref name="mask"/>, the stored events that <paramref name="select"/> picks.</summary>
    public static async Task ApplyAsync(IDocumentStore store, Func<DomainEvent, DomainEvent> mask, Action<IEventDataMasking> select,
        CancellationToken cancellationToken)
    {
        CurrentMask.Value = mask;
        try
        {
            await store.Advanced.ApplyEventDataMasking(select, cancellationToken);
        }
        finally
        {
            CurrentMask.Value = null;
        }
    }

    private static void AddRule<T>(StoreOptions options)
        where T : DomainEvent =>
        options.Events.AddMaskingRuleForProtectedInformation<T>(e => CurrentMask.Value is { } mask ? (T)mask(e) : e);
}
