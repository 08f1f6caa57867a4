using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using SlaGrid.Cli.Files;
using SlaGrid.Client;
using Spectre.Console;

namespace SlaGrid.Cli;

/// <summary>What every command shares: the global options, the console, the environment, and the error-to-exit-code mapping.</summary>
internal sealed class CliContext(IAnsiConsole console, TextWriter error, Func<string, string?> environment)
{
    /// <summary>The environment variable that gives the silo's URL.</summary>
    public const string UrlVariable = "SLAGRID_URL";

    /// <summary>The environment variable that gives the API key.</summary>
    public const string KeyVariable = "SLAGRID_KEY";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The silo's URL (default: ${UrlVariable}, else http://127.0.0.1:5080)",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The API key (default: ${KeyVariable}); never printed",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON for scripts instead of tables",
        Recursive = true,
    };

    public IAnsiConsole Console => console;

    public TextWriter Error => error;

    /// <summary>A command action that runs <paramref name="body"/> and maps what it throws to an exit code.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Bind(Func<CliInvocation, CancellationToken, Task<int>> body) =>
        (parse, cancellationToken) => RunAsync(parse, body, cancellationToken);

    /// <summary>Runs a command body and maps what it throws to an exit code.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<CliInvocation, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        CliInvocation? invocation = null;
        try
        {
            invocation = new CliInvocation(this, parse);
            return await body(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return Fail(ExitCodes.Usage, e.Message);
        }
        catch (InputFileException e)
        {
            return Fail(ExitCodes.Usage, e.Message);
        }
        catch (SlaGridApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Fail(ExitCodes.NotAccepted, "not found: " + e.Message);
        }
        catch (SlaGridApiException e) when ((int)e.StatusCode >= 500)
        {
            return Fail(ExitCodes.Unreachable, "the silo failed: " + e.Message);
        }
        catch (SlaGridApiException e)
        {
            var hint = e.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $" (give a valid key with --key or ${KeyVariable})",
                HttpStatusCode.Forbidden => " (the key's role or unit scope does not allow this)",
                _ => string.Empty,
            };
            return Fail(ExitCodes.ServerRefused, e.Message + hint);
        }
        catch (HttpRequestException e)
        {
            return Fail(ExitCodes.Unreachable, $"cannot reach {invocation?.BaseAddress}: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Interrupted, "interrupted");
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Unreachable, $"{invocation?.BaseAddress} did not answer in time");
        }
        catch (JsonException e)
        {
            return Fail(ExitCodes.Unreachable, "the silo's answer is not what this client understands: " + e.Message);
        }
        catch (Exception e)
        {
            // Never let the parser's default handler turn a bug into exit code 1 ("rejected / not found").
            return Fail(ExitCodes.Unreachable, "unexpected failure: " + e.GetType().Name + ": " + e.Message);
        }
        finally
        {
            invocation?.Dispose();
        }
    }

    public int Fail(int code, string message)
    {
        Error.WriteLine("slagrid: " + message);
        return code;
    }

    /// <summary>Reads an environment variable.</summary>
    public string? GetEnvironment(string name) => environment(name);

    /// <summary>Parses an optional <c>yyyy-MM-dd</c> option value.</summary>
    public static DateOnly? ParseDate(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{text}' is not a date (yyyy-MM-dd)");
    }
}
