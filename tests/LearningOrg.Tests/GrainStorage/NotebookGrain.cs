namespace LearningOrg.Tests.GrainStorage;

/// <summary>A plain-state grain (not event-sourced): it keeps a <see cref="Notebook"/> in the default grain storage.</summary>
public interface INotebookGrain : IGrainWithStringKey
{
    Task<NotebookPage> Add(string entry);

    Task<NotebookPage> Read();

    Task Deactivate();
}

/// <summary>What the grain holds, and which activation answered.</summary>
[GenerateSerializer]
public sealed record NotebookPage([property: Id(0)] IReadOnlyList<string> Entries, [property: Id(1)] string Activation, [property: Id(2)] bool RecordExists);

public sealed class NotebookGrain([PersistentState("notebook")] IPersistentState<Notebook> notebook) : Grain, INotebookGrain
{
    public async Task<NotebookPage> Add(string entry)
    {
        notebook.State.Entries.Add(entry);
        await notebook.WriteStateAsync();
        return Page();
    }

    public Task<NotebookPage> Read() => Task.FromResult(Page());

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private NotebookPage Page() => new([.. notebook.State.Entries], GrainContext.ActivationId.ToString(), notebook.RecordExists);
}
