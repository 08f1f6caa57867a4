namespace SlaGrid.Testing;

/// <summary>Waits for a condition with a generous deadline, for things that happen in another process or thread.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes (then throws).</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
            {
                last = ex;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what} did not hold within {timeout}.", last);
    }

    /// <summary>GETs <paramref name="path"/> until it answers 2xx, and returns the body.</summary>
    public static async Task<string> GetStringAsync(HttpClient http, string path, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        string? body = null;
        await WaitAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                body = await response.Content.ReadAsStringAsync();
                return true;
            },
            timeout,
            $"GET {path}");
        return body!;
    }
}
