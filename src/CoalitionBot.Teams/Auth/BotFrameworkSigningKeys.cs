using Microsoft.IdentityModel.Tokens;

namespace CoalitionBot.Teams.Auth;

/// <summary>The Bot Framework signing keys and, per key id, the channels that key is endorsed for ("msteams", …).</summary>
internal sealed record BotFrameworkSigningKeys(
    string Issuer,
    IReadOnlyList<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements);
