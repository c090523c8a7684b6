using System.Collections.Concurrent;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Finds an unknown Teams user's e-mail with GET /v3/conversations/{id}/members/{memberId} (email, else
/// userPrincipalName), so the core can link them to a directory contact. Answers are cached for a day.
/// </summary>
internal sealed class TeamsEmailLookup(BotConnectorClient connector, TimeProvider clock) : IEmailLookup
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, (string? Email, DateTimeOffset At)> _cache = new();

    public Platform Platform => Platform.Teams;

    public async Task<string?> FindEmailAsync(Actor actor, Place place, CancellationToken cancellationToken)
    {
        var key = actor.Identity.ToString();
        if (_cache.TryGetValue(key, out var cached) && clock.GetUtcNow() - cached.At < Keep)
        {
            return cached.Email;
        }

        if (ConversationReference.TryParse(place.Reference) is not { ServiceUrl: { Length: > 0 } serviceUrl, User.Id: { Length: > 0 } memberId })
        {
            return null;
        }

        try
        {
            var (result, member) = await connector.GetMemberAsync(serviceUrl, place.ConversationId, memberId, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || member is not { ValueKind: JsonValueKind.Object } m)
            {
                return null;
            }

            var email = Read(m, "email") ?? Read(m, "userPrincipalName");
            _cache[key] = (email, clock.GetUtcNow());
            return email;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static string? Read(JsonElement member, string name) =>
        member.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text && text.Contains('@') ? text : null;
}
