using LearningOrg.Grains.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Grains.Hosting;

/// <summary>Registrations shared by the standalone silo, the API's embedded silo and the tests' silos.</summary>
public static class LearningOrgHosting
{
    /// <summary>The connection string's name in configuration (ConnectionStrings:learningorg).</summary>
    public const string ConnectionStringName = "learningorg";

    /// <summary>Marten on the configured PostgreSQL, and the event journal the grains write through.</summary>
    public static IServiceCollection AddLearningOrgStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Start PostgreSQL with infra/postgres.sh start and pass the string it prints.");
        var schema = configuration["LearningOrg:Schema"] ?? MartenSetup.DefaultSchema;
        services.AddMarten(options => MartenSetup.Configure(options, connectionString, schema))
            .ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton<EventJournal>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>A silo hosting LearningOrg's grains.</summary>
    public static ISiloBuilder AddLearningOrgGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddLearningOrgStore(configuration);
        return silo;
    }
}
