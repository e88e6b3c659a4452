using Npgsql;

namespace LearningOrg.EventStore;

/// <summary>Tells "PostgreSQL did not answer, try again later" apart from every other failure.</summary>
public static class StoreFailures
{
    /// <summary>Whether this exception, or one it wraps, says the store is unreachable, shutting down or starting up.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException:
                    return true;
                case PostgresException postgres:
                    return postgres.IsTransient || IsConnectionLevel(postgres.SqlState);
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
            }
        }
        return false;
    }

    /// <summary>
    /// The exception a grain throws in place of <paramref name="exception"/> when the store did not answer, without the
    /// driver's exception inside (Orleans could not serialize it); null when the failure is of another kind.
    /// </summary>
    public static StoreUnavailableException? Translate(Exception exception) => exception switch
    {
        StoreUnavailableException => null,
        _ when IsUnavailable(exception) => new StoreUnavailableException($"The event store did not answer: {DriverMessage(exception)}"),
        _ => null,
    };

    // A fast shutdown cuts sessions with 57P01, a crash with 57P02, and a starting server refuses with 57P03; class 08
    // is the connection failing. Npgsql counts only some of these as transient.
    private static bool IsConnectionLevel(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    private static string DriverMessage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException)
            {
                return e.Message;
            }
        }
        return exception.Message;
    }
}
