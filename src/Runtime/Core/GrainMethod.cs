using System.Linq.Expressions;
using System.Reflection;

namespace SlaGrid.Runtime.Core;

/// <summary>A grain interface method with its cached, compiled invoker.</summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method, ReturnKind kind)
    {
        Method = method;
        Kind = kind;
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: true);
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        var parameters = method.GetParameters();
        CancellationTokenIndex = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken) ? parameters.Length - 1 : -1;
    }

    public MethodInfo Method { get; }

    public ReturnKind Kind { get; }

    public bool IsReadOnly { get; }

    public bool AlwaysInterleave { get; }

    public int CancellationTokenIndex { get; }

    public string Name => $"{Method.DeclaringType?.Name}.{Method.Name}";

    /// <summary>Sends the call to the grain behind <paramref name="proxy"/> and returns what the method returns.</summary>
    public abstract object Invoke(GrainProxy proxy, object?[] args);

    public static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        Type resultType;
        ReturnKind kind;
        if (returnType == typeof(Task))
        {
            (kind, resultType) = (ReturnKind.Task, typeof(bool));
        }
        else if (returnType == typeof(ValueTask))
        {
            (kind, resultType) = (ReturnKind.ValueTask, typeof(bool));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            (kind, resultType) = (ReturnKind.TaskOfT, returnType.GetGenericArguments()[0]);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            (kind, resultType) = (ReturnKind.ValueTaskOfT, returnType.GetGenericArguments()[0]);
        }
        else
        {
            throw new InvalidOperationException(
                $"Grain interface method {method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain interface method {method.DeclaringType?.Name}.{method.Name} must not be generic.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new InvalidOperationException($"Grain interface method {method.DeclaringType?.Name}.{method.Name} must not take ref/out parameters.");
        }

        var type = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(type, method, kind)!;
    }

    /// <summary>Compiles <c>(grain, args) =&gt; adapt(((TInterface)grain).Method((T0)args[0], ...))</c>.</summary>
    protected static Func<object, object?[], ValueTask<TResult>> Compile<TResult>(MethodInfo method, ReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        call = kind switch
        {
            ReturnKind.Task => Expression.Call(typeof(TaskAdapters).GetMethod(nameof(TaskAdapters.FromTask))!, call),
            ReturnKind.ValueTask => Expression.Call(typeof(TaskAdapters).GetMethod(nameof(TaskAdapters.FromValueTask))!, call),
            ReturnKind.TaskOfT => Expression.New(typeof(ValueTask<TResult>).GetConstructor([typeof(Task<TResult>)])!, call),
            _ => call,
        };
        return Expression.Lambda<Func<object, object?[], ValueTask<TResult>>>(call, grain, args).Compile();
    }
}
