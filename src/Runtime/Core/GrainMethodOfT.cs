using System.Reflection;

namespace SlaGrid.Runtime.Core;

/// <summary>A grain interface method whose answer is a <typeparamref name="TResult"/> (bool for void methods).</summary>
internal sealed class GrainMethod<TResult>(MethodInfo method, ReturnKind kind) : GrainMethod(method, kind)
{
    private readonly Func<object, object?[], ValueTask<TResult>> _invoker = Compile<TResult>(method, kind);

    public ValueTask<TResult> InvokeOnGrain(Grain grain, object?[] args) => _invoker(grain, args);

    public override object Invoke(GrainProxy proxy, object?[] args)
    {
        Task<TResult> answer;
        var token = CancellationTokenIndex >= 0 ? (CancellationToken)args[CancellationTokenIndex]! : default;
        if (token.IsCancellationRequested)
        {
            answer = Task.FromCanceled<TResult>(token);
        }
        else
        {
            var request = new Request<TResult>(this, proxy, args, token);
            proxy.Runtime.Send(proxy, request);
            answer = request.Task;
        }

        return Kind switch
        {
            ReturnKind.ValueTask => new ValueTask(answer),
            ReturnKind.ValueTaskOfT => new ValueTask<TResult>(answer),
            _ => answer,
        };
    }
}
