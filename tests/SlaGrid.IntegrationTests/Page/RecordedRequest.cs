namespace SlaGrid.IntegrationTests.Page;

/// <summary>One request the fake API received, as the page sent it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? LastEventId);
