using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Slack.Rendering;

/// <summary>What a modal carries in private_metadata: the form id, its context (a memo code) and where it was opened.</summary>
public sealed record FormMetadata(
    [property: JsonPropertyName("f")] string FormId,
    [property: JsonPropertyName("c")] string Context,
    [property: JsonPropertyName("ch")] string? ChannelId)
{
    public string Serialize() => JsonSerializer.Serialize(this);

    public static FormMetadata? TryParse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FormMetadata>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
