using Microsoft.Extensions.Options;

namespace SlaGrid.Runtime.Deadlines;

/// <summary>Checks <see cref="DeadlineOptions"/> at start.</summary>
internal sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        var errors = new List<string>();
        if (options.Window <= TimeSpan.Zero)
        {
            errors.Add("Window must be positive.");
        }

        if (options.RefillInterval <= TimeSpan.Zero || options.RefillInterval >= options.Window)
        {
            errors.Add("RefillInterval must be positive and shorter than Window.");
        }

        if (options.MaxConcurrency < 1)
        {
            errors.Add("MaxConcurrency must be at least 1.");
        }

        if (options.PageSize < 1)
        {
            errors.Add("PageSize must be at least 1.");
        }

        if (options.MaxInMemory < options.PageSize)
        {
            errors.Add("MaxInMemory must be at least PageSize.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("RetryBaseDelay must be positive and RetryMaxDelay at least RetryBaseDelay.");
        }

        if (options.StoreRetryDelay <= TimeSpan.Zero)
        {
            errors.Add("StoreRetryDelay must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
