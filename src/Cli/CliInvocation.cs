using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SlaGrid.Client;
using Spectre.Console;

namespace SlaGrid.Cli;

/// <summary>One command run: the resolved URL and key, the client, and the output helpers.</summary>
internal sealed class CliInvocation : IDisposable
{
    private readonly CliContext _context;
    private readonly string? _key;
    private SlaGridClient? _client;
    private HttpClient? _http;

    public CliInvocation(CliContext context, ParseResult parse)
    {
        _context = context;
        Parse = parse;
        JsonOutput = parse.GetValue(context.Json);
        var url = parse.GetValue(context.Url) ?? NonEmpty(context.GetEnvironment(CliContext.UrlVariable)) ?? "http://127.0.0.1:5080";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--url '{url}' is not an http(s) URL");
        }

        BaseAddress = uri;
        _key = parse.GetValue(context.Key) ?? NonEmpty(context.GetEnvironment(CliContext.KeyVariable));
        if (_key is not null && (_key.Length == 0 || _key.Any(char.IsWhiteSpace)))
        {
            throw new UsageException("the API key is empty or contains white space");
        }
    }

    public ParseResult Parse { get; }

    public bool JsonOutput { get; }

    public Uri BaseAddress { get; }

    public IAnsiConsole Console => _context.Console;

    public TextWriter Out => _context.Console.Profile.Out.Writer;

    public TextWriter Error => _context.Error;

    /// <summary>Whether a live terminal view can be drawn (ANSI, interactive, and no --json).</summary>
    public bool Interactive =>
        !JsonOutput && Console.Profile.Capabilities.Ansi && Console.Profile.Capabilities.Interactive;

    public SlaGridClient Client
    {
        get
        {
            if (_client is null)
            {
                _http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
                _client = new SlaGridClient(_http, new SlaGridClientOptions { BaseAddress = BaseAddress, ApiKey = _key });
            }

            return _client;
        }
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> type) =>
        Out.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>Writes one JSON object line built by <paramref name="build"/>.</summary>
    public void WriteJsonObject(Action<Utf8JsonWriter> build)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            build(writer);
            writer.WriteEndObject();
        }

        Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
