using Microsoft.Extensions.Options;

namespace SlaGrid.Runtime.Hosting;

/// <summary>Checks <see cref="GrainRuntimeOptions"/> at start.</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var errors = new List<string>();
        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            errors.Add("ResponseTimeout must be positive.");
        }

        if (options.CollectionAge <= TimeSpan.Zero)
        {
            errors.Add("CollectionAge must be positive.");
        }

        if (options.CollectionScanInterval <= TimeSpan.Zero || options.CollectionScanInterval > options.CollectionAge)
        {
            errors.Add("CollectionScanInterval must be positive and at most CollectionAge.");
        }

        if (options.DeactivationTimeout <= TimeSpan.Zero)
        {
            errors.Add("DeactivationTimeout must be positive.");
        }

        if (options.TurnQuantum < 1)
        {
            errors.Add("TurnQuantum must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
