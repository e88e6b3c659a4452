using System.Net.Http.Headers;
using System.Text.Json;
using LearningOrg.Demo;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

/// <summary>
/// An API seeded with the demo story, its identifiable export, and a second, fresh API into which that export was
/// imported once.
/// </summary>
public sealed class DemoExportFixture : IAsyncLifetime
{
    private ExportFile? export;
    private JsonElement firstImport;

    public ApiFixture Source { get; } = new();

    public ApiFixture Target { get; } = new();

    internal ExportFile Export => export ?? throw new InvalidOperationException("Not initialised.");

    public JsonElement FirstImport => firstImport;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(((IAsyncLifetime)Source).InitializeAsync(), ((IAsyncLifetime)Target).InitializeAsync());
        await DemoSeeder.SeedAsync(Source.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
        export = await Source.ExportAsync("?identifiable=true");
        firstImport = await Target.ImportAsync(new ByteArrayContent(export.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } });
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Source).DisposeAsync();
        await ((IAsyncLifetime)Target).DisposeAsync();
    }
}

public sealed class DemoExportImportTests(DemoExportFixture demo) : IClassFixture<DemoExportFixture>
{
    [Fact]
    public async Task The_pseudonymized_demo_export_holds_no_teacher_name_no_teacher_id_and_not_the_key()
    {
        var identifiable = demo.Export;
        var names = identifiable.Lines.Where(l => l.Str("type") == "TeacherRegistered.v1").Select(l => l.GetProperty("data").Str("name")).ToList();
        var teacherIds = identifiable.Lines.Select(l => l.Str("streamId")).Where(s => s.StartsWith("teacher/", StringComparison.Ordinal))
            .Select(s => s["teacher/".Length..]).Distinct().ToList();
        Assert.True(names.Count >= 30, "The demo registers its teachers.");
        Assert.Equal(names.Count, teacherIds.Count);

        var jsonl = await demo.Source.ExportAsync($"?upToSequence={identifiable.Sequence}");
        var csv = await demo.Source.ExportAsync($"?upToSequence={identifiable.Sequence}&format=csv");

        Assert.Equal(identifiable.Lines.Count, jsonl.Lines.Count);
        foreach (var text in new[] { jsonl.Text, csv.Text })
        {
            Assert.All(names, name => Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase));
            Assert.All(teacherIds, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
            Assert.DoesNotContain(ApiFixture.PseudonymKey, text, StringComparison.Ordinal);
        }
        // Every teacher keeps one pseudonym: as many distinct pseudonymized teacher streams as real ones.
        Assert.Equal(teacherIds.Count, jsonl.Lines.Select(l => l.Str("streamId")).Where(s => s.StartsWith("teacher/t-", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public async Task Importing_the_identifiable_demo_export_into_a_fresh_store_recreates_every_state()
    {
        var lines = demo.Export.Lines;
        var followUps = lines.Count(l => EventCatalog.Find(l.Str("type"))!.IsFollowUpOnly || FollowUp.IsFollowUpCommand(l.Str("commandId")));
        var report = demo.FirstImport;

        Assert.Equal(0, report.Num("rejectedCount"));
        Assert.Equal(lines.Count, report.Num("lines"));
        Assert.Equal(followUps, report.Num("skipped"));
        Assert.Equal(lines.Count - followUps, report.Num("accepted"));

        var streams = lines.Select(l => l.Str("streamId")).Distinct().ToList();
        Assert.Contains($"school/{DemoIds.MapleGrove}", streams);
        foreach (var stream in streams)
        {
            var source = await demo.Source.GetJson($"{PathOf(stream)}/state");
            var target = await demo.Target.GetJson($"{PathOf(stream)}/state");
            Assert.Equal(source.Num("version"), target.Num("version"));
            Assert.Equal(await demo.Source.StateJson($"{PathOf(stream)}/state"), await demo.Target.StateJson($"{PathOf(stream)}/state"));
        }
    }

    [Fact]
    public async Task Importing_the_demo_export_a_second_time_adds_nothing()
    {
        var before = await demo.Target.ExportAsync("?identifiable=true");

        var again = await demo.Target.ImportAsync(new ByteArrayContent(demo.Export.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } });
        var after = await demo.Target.ExportAsync("?identifiable=true");

        Assert.Equal(0, again.Num("accepted"));
        Assert.Equal(0, again.Num("rejectedCount"));
        Assert.Equal(demo.FirstImport.Num("accepted"), again.Num("replayed"));
        // The same events: a repeated command fails its append, whose sequence numbers Marten fills with tombstones
        // (no events of ours), so only the high-water mark moves.
        Assert.Equal(before.Bytes, after.Bytes);
    }
}
