using CoalitionBot.Teams.Auth;
using CoalitionBot.Teams.Connector;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Readiness of the Teams adapter ("teams"): signing keys can be had and the bot's credentials are accepted.
/// An outage of Bot Framework is Degraded (Slack and the web channel still work); refused credentials are Unhealthy.
/// </summary>
internal sealed class TeamsHealthCheck(
    IOptions<TeamsOptions> options,
    IConfigurationManager<BotFrameworkSigningKeys> keys,
    BotTokenProvider tokens) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Anonymous)
        {
            return HealthCheckResult.Degraded("Teams runs in the Development anonymous mode: requests are not authenticated.");
        }

        try
        {
            await keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("Bot Framework signing keys cannot be fetched: Teams requests are refused until they can.");
        }

        try
        {
            await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BotTokenException ex) when (ex.IsCredentialProblem)
        {
            return HealthCheckResult.Unhealthy($"The token endpoint refused the bot's credentials ({ex.Error}): check Teams:AppId, Teams:AppPassword, Teams:TenantId.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The token endpoint cannot be reached: replies to Teams will wait.");
        }

        return HealthCheckResult.Healthy();
    }
}
