using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.WebChannel;

namespace CoalitionBot.Tests.WebChannel;

/// <summary>Talks to the web channel's HTTP API the way the browser page does.</summary>
public sealed class WebClient(HttpClient http, string email, string name)
{
    public async Task<WebReply> Says(string text) => await Post(new { email, name, text });

    public async Task<WebReply> Presses(string actionId, string value) => await Post(new { email, name, actionId, value });

    public async Task<WebReply> Submits(string formId, string context, Dictionary<string, string?> fields) => await Post(new { email, name, formId, context, fields });

    public async Task<List<string>> InboxAsync()
    {
        var items = await http.GetFromJsonAsync<List<JsonElement>>($"/web/api/inbox?email={Uri.EscapeDataString(email)}");
        return items!.Select(i => i.GetProperty("html").GetString()!).ToList();
    }

    /// <summary>What a polling browser gets after it has shown every message up to <paramref name="after"/>: new messages, and updates of cards it shows.</summary>
    public async Task<List<(long Id, string Html, long? Replaces)>> InboxAfterAsync(long after)
    {
        var items = await http.GetFromJsonAsync<List<JsonElement>>($"/web/api/inbox?email={Uri.EscapeDataString(email)}&after={after}");
        return items!.Select(i => (i.GetProperty("id").GetInt64(), i.GetProperty("html").GetString()!,
            i.GetProperty("replaces").ValueKind == JsonValueKind.Null ? (long?)null : i.GetProperty("replaces").GetInt64())).ToList();
    }

    private async Task<WebReply> Post(object body)
    {
        var response = await http.PostAsJsonAsync("/web/api/send", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebReply>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}
