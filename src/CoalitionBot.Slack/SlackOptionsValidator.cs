using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack;

/// <summary>Names the missing key: HTTP mode needs Slack:BotToken + Slack:SigningSecret, Socket Mode Slack:BotToken + Slack:AppToken.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is missing (the bot user OAuth token, xoxb-…); both modes need it.");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with xoxb-.");
        }

        if (!options.SocketMode && !options.HttpMode)
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
}
