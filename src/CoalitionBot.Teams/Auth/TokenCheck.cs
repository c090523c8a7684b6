using Microsoft.IdentityModel.JsonWebTokens;

namespace CoalitionBot.Teams.Auth;

/// <summary>
/// The verdict on the Authorization header alone; when allowed with a token, the token and the keys it was checked
/// against, for <see cref="BotFrameworkAuthenticator.CheckActivity"/> once the body is read. No token: anonymous mode.
/// </summary>
internal sealed record TokenCheck(AuthenticationOutcome Outcome, JsonWebToken? Token, BotFrameworkSigningKeys? Signing);
