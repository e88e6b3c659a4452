namespace LearningOrg.Grains.Abstractions;

/// <summary>A grain whose state is the fold of its stream, and can be told that the stream was rewritten in place.</summary>
[Alias("IReloadableGrain")]
public interface IReloadableGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reads the state again from the stream and replaces the stream's snapshot with one of that state: after an
    /// erasure masked events, so that neither memory nor the snapshot keeps what was masked.
    /// </summary>
    [Alias("Reload")]
    Task Reload();
}
