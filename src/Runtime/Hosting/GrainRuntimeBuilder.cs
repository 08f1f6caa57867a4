using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Deadlines;

namespace SlaGrid.Runtime.Hosting;

/// <summary>Configures the grain runtime: its grains and options (Orleans' <c>ISiloBuilder</c>, reduced).</summary>
public sealed class GrainRuntimeBuilder
{
    private readonly GrainRegistrations _registrations;

    internal GrainRuntimeBuilder(IServiceCollection services, GrainRegistrations registrations)
    {
        Services = services;
        _registrations = registrations;
    }

    /// <summary>The service collection, to add what grains need.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="TGrain"/> as the grain class behind <typeparamref name="TInterface"/>. The class
    /// is created with <c>ActivatorUtilities</c> (constructor injection); its interfaces' methods must return Task,
    /// Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt; (checked when the runtime is built).
    /// </summary>
    public GrainRuntimeBuilder AddGrain<TInterface, TGrain>()
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        _registrations.Items.Add(new GrainRegistration(typeof(TInterface), typeof(TGrain)));
        return this;
    }

    /// <summary>Registers a grain class reached only by deadlines or streams (no interface of its own).</summary>
    public GrainRuntimeBuilder AddGrain<TGrain>()
        where TGrain : Grain
    {
        _registrations.Items.Add(new GrainRegistration(null, typeof(TGrain)));
        return this;
    }

    /// <summary>Configures the runtime's options (after configuration binding).</summary>
    public GrainRuntimeBuilder Configure(Action<GrainRuntimeOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Configures the deadline service's options (after configuration binding).</summary>
    public GrainRuntimeBuilder ConfigureDeadlines(Action<DeadlineOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
