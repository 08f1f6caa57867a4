namespace SlaGrid.Runtime.Core;

/// <summary>Something an activation runs as a unit of (non-)reentrancy: a call, a timer tick, a deadline or stream delivery.</summary>
internal interface IMessage
{
    /// <summary>The timeout epoch at which the message was enqueued.</summary>
    long Epoch { get; set; }

    /// <summary>The call is to a [ReadOnly] method.</summary>
    bool IsReadOnly { get; }

    /// <summary>The call is to an [AlwaysInterleave] method.</summary>
    bool AlwaysInterleave { get; }

    /// <summary>The message counts as activity for idle collection.</summary>
    bool KeepsAlive { get; }

    /// <summary>The message belongs to this activation (a timer tick): it is dropped, not forwarded, when it deactivates.</summary>
    bool BoundToActivation { get; }

    /// <summary>The caller already has its answer (or gave up: timeout, cancellation).</summary>
    bool IsAnswered { get; }

    /// <summary>Starts the work on the grain; calls <see cref="Activation.OnMessageCompleted"/> when it ends.</summary>
    void Run(Activation activation, Grain grain);

    /// <summary>Answers the caller with a failure (the message was not or will not be run to completion in time).</summary>
    void Fail(Exception exception);

    /// <summary>Answers the caller with a cancellation.</summary>
    void Cancel();

    /// <summary>A short description for errors and logs.</summary>
    string Describe();
}
