using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime.Core;

/// <summary>
/// The base of messages: the message is its own answer (a task completion source whose continuations run
/// asynchronously, so that a caller's code never runs inside the callee's turn).
/// </summary>
internal abstract class Message<TResult> : TaskCompletionSource<TResult>, IMessage
{
    private Activation? _activation;
    private int _started;

    protected Message()
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
    }

    public long Epoch { get; set; }

    public virtual bool IsReadOnly => false;

    public virtual bool AlwaysInterleave => false;

    public virtual bool KeepsAlive => true;

    public virtual bool BoundToActivation => false;

    public bool IsAnswered => Task.IsCompleted;

    protected bool HasStarted => Volatile.Read(ref _started) != 0;

    public void Run(Activation activation, Grain grain)
    {
        Volatile.Write(ref _started, 1);
        ValueTask<TResult> pending;
        try
        {
            pending = InvokeAsync(grain);
        }
        catch (Exception ex)
        {
            Finish(activation, default, ex);
            return;
        }

        if (pending.IsCompleted)
        {
            Complete(activation, pending);
            return;
        }

        _activation = activation;
        var task = pending.AsTask();
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => Complete(_activation!, new ValueTask<TResult>(task)));
    }

    public void Fail(Exception exception) => TrySetException(exception);

    public void Cancel() => TrySetCanceled();

    public abstract string Describe();

    protected abstract ValueTask<TResult> InvokeAsync(Grain grain);

    protected virtual void OnFinished()
    {
    }

    private void Complete(Activation activation, ValueTask<TResult> done)
    {
        TResult? result = default;
        Exception? error = null;
        try
        {
            result = done.Result;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        Finish(activation, result, error);
    }

    private void Finish(Activation activation, TResult? result, Exception? error)
    {
        OnFinished();
        activation.OnMessageCompleted(this, error is InconsistentStateException);
        if (error is null)
        {
            TrySetResult(result!);
        }
        else if (error is OperationCanceledException oce)
        {
            TrySetCanceled(oce.CancellationToken);
        }
        else
        {
            TrySetException(error);
        }
    }
}
