using System.Globalization;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.EventStore;
using LearningOrg.Research;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/exports: research exports of the events, fixed at a global sequence, and their codebook.</summary>
public static class ExportEndpoints
{
    /// <summary>The response header naming the global sequence an export is fixed at.</summary>
    public const string SequenceHeader = "X-Export-Sequence";

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Research");

        group.MapGet("/events", Export)
            .WithName("export-events")
            .WithSummary("Export events as JSON Lines or CSV, fixed at a global sequence: all of them, a school's or a network's")
            .WithDescription(
                "scope: all (default), school:{id} (the school's stream, the streams of every teacher ever on its staff, and the " +
                "initiative and network events naming the school) or network:{id} (the network's stream and the scopes of every " +
                "school that ever joined it). format: jsonl (default) or csv (fixed columns, see the codebook). upToSequence: the " +
                "global sequence the export is fixed at; by default the highest one below which every append has committed. It is " +
                $"echoed in the {SequenceHeader} header and the file name: the same request with it gives the same bytes later. " +
                "By default teacher names and other personal names are left out and teacher ids replaced by keyed pseudonyms " +
                "(Research:PseudonymKey; 503 when it is not configured). identifiable=true returns real ids and names, for admins and " +
                "researchers granted identifiable access only. scope=all is for admins and researchers; a school's or a network's " +
                "scope for whoever may read that school or network.")
            .Produces(StatusCodes.Status200OK, contentType: JsonLinesWriter.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/codebook", Results<Ok<CodebookDocument>, ContentHttpResult, ProblemHttpResult> (string? format) => format switch
            {
                null or "json" => TypedResults.Ok(Codebook.Document),
                "md" => TypedResults.Text(Codebook.Markdown(), "text/markdown; charset=utf-8"),
                _ => Problems.Invalid("format", "format must be json or md."),
            })
            .AllowAnonymous()
            .WithName("export-codebook")
            .WithSummary("Every event type and field of the exports with its type, unit and allowed values (format=json or md)")
            .WithDescription("format=json (default) answers the codebook as JSON; format=md as a Markdown document to publish beside a data set.");
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        string? scope, string? format, long? upToSequence, bool? identifiable,
        HttpContext http, EventReader journal, ScopeResolver access, IOptionsMonitor<ResearchOptions> options, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var extension = format ?? "jsonl";
        if (extension is not ("jsonl" or "csv"))
        {
            return Problems.Invalid("format", "format must be jsonl or csv.");
        }
        var (exportScope, badScope) = ExportScope.Parse(scope);
        if (badScope is not null)
        {
            return Problems.For(badScope);
        }
        if (identifiable == true && !caller.MayExportIdentifiable)
        {
            return AuthProblems.ForbiddenResult("identifiable=true is for administrators and researchers granted identifiable access.");
        }
        if (exportScope!.Id is null ? !(caller.IsAdmin || caller.IsResearcher) : !await access.MayAsync(caller, Access.Read, exportScope.Kind, exportScope.Id))
        {
            return AuthProblems.ForbiddenResult(exportScope.Id is null
                ? "scope=all is for administrators and researchers; ask for a school's or a network's scope you may read."
                : $"You may not read {exportScope.Kind} {exportScope.Id}.");
        }
        Pseudonymizer? pseudonyms = null;
        if (identifiable != true)
        {
            if (string.IsNullOrWhiteSpace(options.CurrentValue.PseudonymKey))
            {
                return KeyMissing();
            }
            pseudonyms = new Pseudonymizer(options.CurrentValue.PseudonymKey);
        }
        var mark = await journal.SafeHighWaterMarkAsync(cancellationToken);
        var upTo = upToSequence ?? mark;
        if (upTo < 0 || upTo > mark)
        {
            return Problems.Invalid("upToSequence",
                $"upToSequence must lie between 0 and {mark}, the highest sequence below which every append has committed; an export beyond it could change later.");
        }
        if (await exportScope!.ResolveAsync(journal, upTo, cancellationToken) is { } missing)
        {
            return Problems.For(missing);
        }
        var lines = pseudonyms is null
            ? ExportLines.Identifiable()
            : await ExportLines.PseudonymizedAsync(pseudonyms, journal, upTo, cancellationToken);

        var sequence = upTo.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[SequenceHeader] = sequence;
        var fileName = $"learningorg-events-{exportScope.Label}-{sequence}{(pseudonyms is null ? "-identifiable" : string.Empty)}.{extension}";
        return TypedResults.Stream(async body =>
            {
                await using var writer = extension == "csv" ? (IExportWriter)new CsvExportWriter(body) : new JsonLinesWriter(body);
                await foreach (var e in journal.ReadAllAsync(0, upTo, exportScope.Filter, http.RequestAborted))
                {
                    if (exportScope.Includes(e))
                    {
                        await writer.WriteAsync(lines.Build(e), http.RequestAborted);
                    }
                }
            },
            extension == "csv" ? CsvExportWriter.ContentType : JsonLinesWriter.ContentType,
            fileName);
    }

    /// <summary>503: pseudonyms are needed and Research:PseudonymKey is not set.</summary>
    internal static ProblemHttpResult KeyMissing()
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Pseudonymized exports are not configured.",
            Detail = "Set the secret that keys teacher pseudonyms in configuration: Research:PseudonymKey (as an environment variable, " +
                "Research__PseudonymKey), a long random value kept for as long as pseudonyms must stay stable. It is never exported.",
            Type = Problems.TypePrefix + "pseudonym-key-missing",
        };
        problem.Extensions["code"] = "pseudonym-key-missing";
        return TypedResults.Problem(problem);
    }
}
