namespace LearningOrg.Research;

/// <summary>Configuration section <c>Research</c>.</summary>
public sealed class ResearchOptions
{
    public const string Section = "Research";

    /// <summary>
    /// The secret that keys teacher pseudonyms (Research:PseudonymKey, or the environment variable
    /// Research__PseudonymKey). Pseudonyms are stable for as long as it is; it is never exported. Without it,
    /// pseudonymized exports answer 503.
    /// </summary>
    public string? PseudonymKey { get; set; }
}

public static class ResearchServices
{
    /// <summary>The research read side: exports (with their pseudonym key) and the bulk importer.</summary>
    public static IServiceCollection AddResearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ResearchOptions>(configuration.GetSection(ResearchOptions.Section));
        services.AddSingleton<Importer>();
        return services;
    }
}
