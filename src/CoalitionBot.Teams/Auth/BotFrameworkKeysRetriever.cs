using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace CoalitionBot.Teams.Auth;

/// <summary>
/// Reads the OpenID metadata document, then its jwks_uri, keeping each key's <c>endorsements</c>
/// (which the generic OpenID retriever drops, and without which the channel cannot be checked).
/// </summary>
internal sealed class BotFrameworkKeysRetriever : IConfigurationRetriever<BotFrameworkSigningKeys>
{
    public async Task<BotFrameworkSigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadataJson = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        using var metadata = JsonDocument.Parse(metadataJson);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
        if (string.IsNullOrWhiteSpace(jwksUri))
        {
            throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");
        }

        var issuer = metadata.RootElement.TryGetProperty("issuer", out var iss) ? iss.GetString() ?? string.Empty : string.Empty;
        var keysJson = await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false);
        var keySet = new JsonWebKeySet(keysJson);
        var endorsements = ReadEndorsements(keysJson);
        var keys = keySet.Keys.Where(k => !string.IsNullOrEmpty(k.Kid)).Cast<SecurityKey>().ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("The Bot Framework key set holds no usable keys.");
        }

        return new BotFrameworkSigningKeys(issuer, keys, endorsements);
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string keysJson)
    {
        using var document = JsonDocument.Parse(keysJson);
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kid) || kid.GetString() is not { Length: > 0 } id)
            {
                continue;
            }

            var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var channel in list.EnumerateArray())
                {
                    if (channel.GetString() is { Length: > 0 } c)
                    {
                        channels.Add(c);
                    }
                }
            }

            result[id] = channels;
        }

        return result;
    }
}
