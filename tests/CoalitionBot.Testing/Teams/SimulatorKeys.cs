using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoalitionBot.Testing.Teams;

/// <summary>The simulator's signing keys: one endorsed for msteams, one endorsed only for webchat, one never published.</summary>
internal sealed class SimulatorKeys : IDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly RSA teams = RSA.Create(2048);
    private readonly RSA webchat = RSA.Create(2048);
    private readonly RSA unpublished = RSA.Create(2048);
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public RsaSecurityKey TeamsKey => new(teams) { KeyId = "sim-teams-key" };

    public RsaSecurityKey WebchatKey => new(webchat) { KeyId = "sim-webchat-key" };

    public RsaSecurityKey UnpublishedKey => new(unpublished) { KeyId = "sim-unpublished-key" };

    public JsonObject KeySet() => new()
    {
        ["keys"] = new JsonArray
        {
            Jwk(TeamsKey, "msteams", "skype"),
            Jwk(WebchatKey, "webchat"),
        },
    };

    public string Issue(TokenFlavour flavour, string appId, string serviceUrl, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = flavour == TokenFlavour.WrongIssuer ? "https://sts.windows.net/evil/" : Issuer,
            Audience = flavour == TokenFlavour.WrongAudience ? Guid.NewGuid().ToString() : appId,
            IssuedAt = now.UtcDateTime,
            NotBefore = (flavour == TokenFlavour.NotYetValid ? now.AddMinutes(30) : now.AddMinutes(-1)).UtcDateTime,
            Expires = (flavour switch
            {
                TokenFlavour.Expired => now.AddMinutes(-10),
                TokenFlavour.NotYetValid => now.AddHours(2),
                _ => now.AddHours(1),
            }).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim("serviceurl", flavour == TokenFlavour.WrongServiceUrl ? "https://evil.example/teams/" : serviceUrl),
                new Claim("appid", appId),
            ]),
            SigningCredentials = flavour switch
            {
                TokenFlavour.Unsigned => null,
                TokenFlavour.UnendorsedKey => new SigningCredentials(WebchatKey, SecurityAlgorithms.RsaSha256),
                TokenFlavour.UnknownKey => new SigningCredentials(UnpublishedKey, SecurityAlgorithms.RsaSha256),
                TokenFlavour.SymmetricAlgorithm => new SigningCredentials(
                    new SymmetricSecurityKey(teams.ExportParameters(false).Modulus!) { KeyId = "sim-teams-key" }, SecurityAlgorithms.HmacSha256),
                _ => new SigningCredentials(TeamsKey, SecurityAlgorithms.RsaSha256),
            },
        };
        return handler.CreateToken(descriptor);
    }

    public void Dispose()
    {
        teams.Dispose();
        webchat.Dispose();
        unpublished.Dispose();
    }

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var list = new JsonArray();
        foreach (var e in endorsements)
        {
            list.Add(e);
        }

        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = list,
        };
    }
}
