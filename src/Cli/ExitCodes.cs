namespace SlaGrid.Cli;

/// <summary>The exit codes of <c>slagrid</c>: stable, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Some events were rejected or invalid (<c>replay</c>), or the thing asked for does not exist (404).</summary>
    public const int NotAccepted = 1;

    /// <summary>Usage error: bad arguments or options, an unreadable or malformed input file. Nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The silo refused the request (a 4xx other than 404: authentication, permission, validation, rate limit).</summary>
    public const int ServerRefused = 3;

    /// <summary>The silo could not be reached, timed out, or failed (5xx), or answered something unreadable (and any unexpected failure of the CLI itself).</summary>
    public const int Unreachable = 4;

    /// <summary>Interrupted (Ctrl+C) before the command finished; <c>watch</c> ends with <see cref="Ok"/> instead.</summary>
    public const int Interrupted = 130;
}
