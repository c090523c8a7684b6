using System.Text.Json;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>A memo page's live stream (Server-Sent Events) read as the browser would, one event at a time.</summary>
internal sealed class DashboardEvents(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public static async Task<DashboardEvents> OpenAsync(DashboardClient client, string code)
    {
        var response = await client.Http.GetAsync($"/dashboard/memos/{code}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new DashboardEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Every progress text read so far, in order.</summary>
    public List<string> Progress { get; } = [];

    /// <summary>Reads events until a progress text matches, or returns null when none arrives within <paramref name="wait"/>.</summary>
    public async Task<string?> ProgressAsync(Func<string, bool> match, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        string? kind = null;
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    kind = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "progress")
                {
                    var text = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("text").GetString()!;
                    Progress.Add(text);
                    if (match(text))
                    {
                        return text;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // nothing matching within the wait
        }

        return null;
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
