using CoalitionBot.WebChannel;

namespace CoalitionBot.Hosting;

/// <summary>
/// Decides which channels run: Teams when an app id is set (or Teams:Enabled for the Development-only anonymous
/// mode), Slack when a bot token is set, and the web channel by default only when no chat platform is configured.
/// </summary>
public sealed record ChannelSelection(bool Slack, bool Teams, bool Web)
{
    public static ChannelSelection From(IConfiguration configuration)
    {
        var slack = CoalitionBot.Slack.SlackOptions.IsConfigured(configuration);
        var teams = CoalitionBot.Teams.TeamsOptions.IsConfigured(configuration) || configuration.GetValue<bool>("Teams:Enabled");
        var web = configuration.GetSection(WebChannelOptions.Section).Get<WebChannelOptions>()?.Enabled ?? !(slack || teams);
        return new ChannelSelection(slack, teams, web);
    }

    public override string ToString() =>
        string.Join(", ", new[] { Slack ? "Slack" : null, Teams ? "Teams" : null, Web ? "local web channel" : null }.Where(x => x is not null));
}
