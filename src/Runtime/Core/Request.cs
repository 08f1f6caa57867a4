namespace SlaGrid.Runtime.Core;

/// <summary>A call through a grain reference.</summary>
internal sealed class Request<TResult> : Message<TResult>
{
    private readonly GrainMethod<TResult> _method;
    private readonly GrainProxy _target;
    private readonly object?[] _args;
    private readonly CancellationTokenRegistration _registration;

    public Request(GrainMethod<TResult> method, GrainProxy target, object?[] args, CancellationToken cancellationToken)
    {
        _method = method;
        _target = target;
        _args = args;
        if (cancellationToken.CanBeCanceled)
        {
            // A call cancelled while it waits is answered at once and never runs; once started, the grain sees the token.
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var request = (Request<TResult>)state!;
                    if (!request.HasStarted)
                    {
                        request.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public override bool IsReadOnly => _method.IsReadOnly;

    public override bool AlwaysInterleave => _method.AlwaysInterleave;

    public override string Describe() => $"{_method.Name} on {_target.GrainClass.Name}/{_target.Key}";

    protected override ValueTask<TResult> InvokeAsync(Grain grain) => _method.InvokeOnGrain(grain, _args);

    protected override void OnFinished() => _registration.Dispose();
}
