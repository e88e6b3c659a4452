using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using JasperFx;
using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore.Privacy;
using Marten;
using Weasel.Core;

namespace LearningOrg.EventStore;

/// <summary>
/// How LearningOrg's events and the event store's own documents are laid out in PostgreSQL; the read models add
/// theirs in <c>ReadModelSetup.ConfigureStore</c>, which is what a whole store is configured with.
/// </summary>
public static class MartenSetup
{
    public const string DefaultSchema = "learningorg";

    /// <summary>How long a node that starts beside another waits for that one's creation or migration of the schema.</summary>
    public static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromMinutes(2);

    public static void Configure(StoreOptions options, string connectionString, string schema = DefaultSchema)
    {
        ConfigureEventStore(options, connectionString, schema);
        EventMasking.Configure(options);
        options.Schema.For<ErasureRecord>().DocumentAlias("erasure_record").Identity(x => x.TeacherId);

        options.Schema.For<ProcessedCommand>().DocumentAlias("processed_command");
        options.Schema.For<FollowUpMessage>().DocumentAlias("follow_up").Index(x => x.Target);
        options.Schema.For<Snapshot<SchoolState>>().DocumentAlias("school_snapshot");
        options.Schema.For<Snapshot<TeacherState>>().DocumentAlias("teacher_snapshot");
        options.Schema.For<Snapshot<InitiativeState>>().DocumentAlias("initiative_snapshot");
        options.Schema.For<Snapshot<NetworkState>>().DocumentAlias("network_snapshot");
        options.Schema.For<AsOfLadder>().DocumentAlias("as_of_ladder");
    }

    /// <summary>
    /// The event store alone: schema, serializer, stream identity, metadata and the events' stored names, without
    /// documents or projections. What the benchmarks' raw Marten baseline runs on, so it stores events exactly as we do.
    /// </summary>
    public static void ConfigureEventStore(StoreOptions options, string connectionString, string schema = DefaultSchema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // Nodes that start together take turns at creating or migrating the schema (ApplyAllDatabaseChangesOnStartup):
        // the first does it, the others wait and find nothing left to do. The lock is the schema's own, so that schemas
        // sharing a database are created side by side rather than queueing behind one database-wide lock.
        options.ApplyChangesLockId = MigrationLockIdFor(schema);
        options.ApplyChangesLockTimeout = MigrationLockTimeout;
        ConfigureEvents(options);
    }

    /// <summary>A stable number for a schema (string.GetHashCode differs from process to process).</summary>
    private static int MigrationLockIdFor(string schema) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"learningorg.migration.{schema}")), 0);

    /// <summary>
    /// How events are stored: their JSON, stream ids, metadata columns and contract names. Shared by the benchmarks'
    /// raw-Marten baselines, so that they write the same rows as LearningOrg does.
    /// </summary>
    public static void ConfigureEvents(StoreOptions options)
    {
        // Events are read by researchers for years: camelCase JSON, enums by name.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        // Imports and exports look events up by id (idempotency per event id); without this index each look-up scans.
        options.Events.EnableUniqueIndexOnEventId = true;
        foreach (var type in EventCatalog.All)
        {
            if (type.SupersededBy is { } next)
            {
                // Stored events of an older version stay as they were written and are read as the newer version,
                // so every reader (folds, read models, exports) sees one shape.
                UpcastMethod.MakeGenericMethod(type.ClrType, next).Invoke(null, [options, type.Name]);
            }
            else
            {
                options.Events.MapEventType(type.ClrType, type.Name);
            }
        }
    }

    private static readonly MethodInfo UpcastMethod =
        typeof(MartenSetup).GetMethod(nameof(Upcast), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void Upcast<TOld, TNew>(StoreOptions options, string storedName)
        where TOld : DomainEvent, ISupersededBy<TNew>
        where TNew : DomainEvent =>
        options.Events.Upcast<TOld, TNew>(storedName, old => old.Upcast());
}
