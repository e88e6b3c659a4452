using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Faults;

/// <summary>A store that does not answer fails every append waiting for the shared transaction, each as "retry later".</summary>
public sealed class GroupCommitOutageTests
{
    [Fact]
    public async Task Every_append_waiting_on_a_store_that_does_not_answer_fails_with_what_grains_turn_into_unavailable()
    {
        var nothingListens = $"Host=127.0.0.1;Port={FreePort.Next()};Database=learningorg;Username=learningorg;Password=learningorg;Timeout=3";
        using var store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, nothingListens, TestDatabase.NewSchema()));
        await using var commit = new GroupCommit(store, GroupCommitOptions.Default, NullLogger<GroupCommit>.Instance);

        var appends = Enumerable.Range(0, 12).Select(i =>
        {
            var streamKey = $"school/outage-{i}";
            var change = new StaffCountChanged(20 + i) { OccurredAt = DateTimeOffset.UtcNow };
            var record = new ProcessedCommand($"outage-{i}", streamKey, "hash", 2, 1, change.OccurredAt, DateTimeOffset.UtcNow);
            return commit.AppendAsync(new PendingAppend(streamKey, 1, [change], record, "outage-tests", null, null));
        }).ToList();

        foreach (var append in appends)
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => append);
            Assert.IsType<StoreUnavailableException>(StoreFailures.Translate(failure));
        }
    }
}
