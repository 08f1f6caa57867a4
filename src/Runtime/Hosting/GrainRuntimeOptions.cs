namespace SlaGrid.Runtime.Hosting;

/// <summary>Options of the grain runtime (configuration section <c>SlaGrid:Runtime</c>); defaults are Orleans'.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "SlaGrid:Runtime";

    /// <summary>
    /// How long a caller waits for a call's answer before a <see cref="TimeoutException"/> (outcome unknown; never
    /// resent). Checked on a tick of a thirtieth of it (at least 10 ms, at most 1 s). Default: 30 seconds.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is collected. Default: 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; at most <see cref="CollectionAge"/>. Default: 1 minute.</summary>
    public TimeSpan CollectionScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="Grain.OnDeactivateAsync"/> may run before its token is cancelled. Default: 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many turns an activation runs before it yields its thread to others. Default: 64.</summary>
    public int TurnQuantum { get; set; } = 64;
}
