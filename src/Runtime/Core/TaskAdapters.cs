namespace SlaGrid.Runtime.Core;

/// <summary>Turns void-returning awaitables into <c>ValueTask&lt;bool&gt;</c>, allocating only when they are pending.</summary>
internal static class TaskAdapters
{
    public static ValueTask<bool> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? new ValueTask<bool>(true) : AwaitAsync(task);

    public static ValueTask<bool> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? new ValueTask<bool>(true) : AwaitAsync(task.AsTask());

    private static async ValueTask<bool> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }
}
