namespace LearningOrg.EventStore;

/// <summary>
/// The event store (PostgreSQL) did not answer a grain: nothing is known to be recorded unless a retry with the same
/// command id says so. Grains throw it in place of the driver's exceptions, which Orleans cannot serialize, so that a
/// caller in another process (an API in client mode) still learns that the failure is worth a retry.
/// </summary>
[GenerateSerializer, Alias("StoreUnavailableException")]
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
