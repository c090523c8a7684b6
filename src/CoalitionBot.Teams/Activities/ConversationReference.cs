using System.Text.Json;

namespace CoalitionBot.Teams.Activities;

/// <summary>
/// What we need to write to a conversation later (proactive messages). Serialised into <c>Place.Reference</c>;
/// the core stores it and hands it back as <c>DeliveryTarget.Reference</c>.
/// </summary>
internal sealed record ConversationReference(
    string? ServiceUrl,
    string? ChannelId,
    ConversationAccount? Conversation,
    ChannelAccount? Bot,
    ChannelAccount? User)
{
    public static ConversationReference From(Activity activity) => new(
        activity.ServiceUrl,
        activity.ChannelId,
        activity.Conversation is { } c ? c with { Name = null } : null,
        activity.Recipient is { } r ? new ChannelAccount(r.Id, r.Name) : null,
        activity.From is { } f ? new ChannelAccount(f.Id, f.Name, f.AadObjectId) : null);

    public string Serialise() => JsonSerializer.Serialize(this, TeamsJson.Options);

    /// <summary>Reads a stored reference; null when absent or unreadable (the caller falls back to defaults).</summary>
    public static ConversationReference? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ConversationReference>(json, TeamsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
