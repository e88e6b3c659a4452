using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Npgsql;

namespace LearningOrg.Tests.Cluster;

/// <summary>
/// Three silos on ADO.NET clustering: one is stopped while commands flow to many schools; the others take its
/// grains over, every command is recorded exactly once, and every school's history and state stay whole.
/// </summary>
public sealed class MultiSiloTests(AdoNetClusterFixture fixture) : IClassFixture<AdoNetClusterFixture>
{
    private const int Schools = 24;
    private const int Rounds = 12;
    private const int StaffAtStart = 40;

    [Fact]
    public async Task The_running_silos_are_the_active_rows_of_our_membership_table()
    {
        await using var connection = new NpgsqlConnection(OrleansSchema.ConnectionString(fixture.OrleansSchemaName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select address, port, generation from orleans_membership where deployment_id = $1 and status = 3", connection);
        command.Parameters.AddWithValue(fixture.Cluster.Options.ClusterId);
        var active = new List<SiloAddress>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                active.Add(SiloAddress.New(System.Net.IPAddress.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        var running = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToList();
        Assert.True(running.Count >= 2);
        Assert.Equal(running.OrderBy(a => a.ToString()), active.OrderBy(a => a.ToString()));
    }

    [Fact]
    public async Task Grains_keep_serving_and_keep_their_history_when_a_silo_stops_mid_traffic()
    {
        await fixture.WaitUntilSilosKnowEachOtherAsync();
        var silosBefore = fixture.Cluster.GetActiveSilos().Count();
        var victim = fixture.Cluster.SecondarySilos[0];
        // Every school is activated on the silo that will stop, so each one has to move.
        ChosenSilos.Choose(fixture.Schema, _ => victim.SiloAddress);
        var ids = Enumerable.Range(0, Schools).Select(i => $"multi-silo-{i}").ToArray();
        foreach (var id in ids)
        {
            await Send(id, $"{id}/register", new SchoolRegistered($"School {id}", "North", StaffAtStart) { OccurredAt = DateTimeOffset.UtcNow.AddYears(-1) });
        }
        var held = await fixture.KeysActiveOn(victim.SiloAddress, ids);
        Assert.True(held.SetEquals(ids), $"The silo to stop holds {held.Count} of the {ids.Length} schools; the test would prove nothing.");

        Task? stopping = null;
        for (var round = 1; round <= Rounds; round++)
        {
            if (round == Rounds / 3)
            {
                // Stopped while this round's commands are in flight; the rounds after it are sent while it stops or
                // once it is gone.
                stopping = fixture.Cluster.StopSiloAsync(victim);
            }
            var staff = StaffAtStart + round;
            var currentRound = round;
            await Task.WhenAll(ids.Select(id => Send(id, $"{id}/staff/{currentRound}", new StaffCountChanged(staff))));
        }
        await stopping!;

        Assert.Equal(silosBefore - 1, fixture.Cluster.GetActiveSilos().Count());
        foreach (var id in ids)
        {
            var view = await fixture.Grains.GetGrain<ISchoolGrain>(id).GetState();
            Assert.NotNull(view);
            Assert.Equal(StaffAtStart + Rounds, view.State.StaffCount);
            Assert.Equal(Rounds + 1, view.Version);

            var history = await fixture.Store.EventsAsync<SchoolEvent>(StreamKeys.For(StreamKeys.School, id));
            Assert.IsType<SchoolRegistered>(history[0]);
            Assert.Equal(
                Enumerable.Range(1, Rounds).Select(r => StaffAtStart + r),
                history.Skip(1).Select(e => Assert.IsType<StaffCountChanged>(e).StaffCount));
        }
    }

    /// <summary>
    /// Sends a command the way a client that may retry would: with one command id, again after a failure (the silo
    /// it reached may be going away). The idempotency record makes the retry safe.
    /// </summary>
    private async Task Send(string schoolId, string commandId, SchoolEvent proposed)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await fixture.Grains.GetGrain<ISchoolGrain>(schoolId).Record(new CommandContext(commandId, "multi-silo-test"), proposed);
                Assert.True(outcome.IsAccepted, outcome.Violation?.Message);
                return;
            }
            catch (Exception e) when (attempt < 10 && e is not Xunit.Sdk.XunitException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
