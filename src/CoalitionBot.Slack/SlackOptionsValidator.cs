using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack;

/// <summary>
/// Names the missing key: HTTP mode needs Slack:BotToken + Slack:SigningSecret, Socket Mode Slack:BotToken + Slack:AppToken,
/// distribution (many workspaces) Slack:ClientId + Slack:ClientSecret + Slack:SigningSecret and no Slack:BotToken.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (options.Distributed || (string.IsNullOrWhiteSpace(options.BotToken) && (options.ClientId ?? options.ClientSecret) is not null))
        {
            ValidateDistributed(options, failures);
        }
        else if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is missing (the bot user OAuth token, xoxb-…); both modes need it.");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with xoxb-.");
        }

        if (!options.Distributed && !options.SocketMode && !options.HttpMode)
        {
            failures.Add("Slack:AppToken (Socket Mode, xapp-…) or Slack:SigningSecret (HTTP mode) is missing; set one of them.");
        }

        if (options.SocketMode && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token starting with xapp-.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDistributed(SlackOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Slack:ClientId is missing (Basic Information → App Credentials); distribution needs it with Slack:ClientSecret.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Slack:ClientSecret is missing (Basic Information → App Credentials); distribution needs it with Slack:ClientId.");
        }

        if (!options.HttpMode)
        {
            failures.Add("Slack:SigningSecret is missing; a distributed bot runs over HTTP and verifies every request with it.");
        }

        if (options.SocketMode)
        {
            failures.Add("Slack:AppToken is set, but a distributed bot runs over HTTP: remove Slack:AppToken (Socket Mode serves one workspace).");
        }

        if (!Uri.TryCreate(options.AuthorizeUrl, UriKind.Absolute, out _))
        {
            failures.Add("Slack:AuthorizeUrl must be an absolute URL.");
        }
    }
}
