using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Hosting;
using CoalitionBot.Slack.Receiving;
using CoalitionBot.Slack.Rendering;

namespace CoalitionBot.Slack;

/// <summary>
/// The outbox's Slack client: posts (or, with ReplacesPlatformMessageId "channel:ts", updates) one message and
/// maps Slack's answer to sent / retry / failed. Never throws for platform errors.
/// </summary>
internal sealed class SlackDeliveryChannel(
    SlackApiClient api, SlackReplySender sender, SlackHealth health, Microsoft.Extensions.Options.IOptionsMonitor<SlackOptions> options) : IDeliveryChannel
{
    private static readonly HashSet<string> Unreachable = new(StringComparer.Ordinal)
    {
        "account_inactive", "channel_not_found", "is_archived", "messages_tab_disabled", "not_in_channel", "user_is_restricted", "team_access_not_granted",
    };

    /// <summary>This person cannot be DMed here, though another route (Teams, e-mail) may reach them.</summary>
    private static readonly HashSet<string> RouteClosed = new(StringComparer.Ordinal) { "user_not_found", "user_disabled", "cannot_dm_bot", "not_installed" }; // not_installed: their workspace removed the app (distributed)

    private static readonly HashSet<string> Passing = new(StringComparer.Ordinal)
    {
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited",
    };

    public Platform Platform => Platform.Slack;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var channel = message.Target.ConversationId ?? message.Target.UserId;
        using var team = Installations.SlackTeamScope.Enter(message.Target.TenantId);
        try
        {
            if (message.ReplacesPlatformMessageId is { } replaces && replaces.Split(':', 2) is [var original, var ts])
            {
                // An updated card keeps its place; a memo too long for one message keeps only its first part there.
                var part = BlockKitRenderer.Render(message.Message)[0];
                var updated = await api.UpdateMessageAsync(original, ts, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
                return new DeliverySent(updated.PlatformMessageId, updated.Channel);
            }

            var posted = await sender.PostAsync(channel, message.Message, cancellationToken, patient: false).ConfigureAwait(false);
            return new DeliverySent(posted.PlatformMessageId, posted.Channel);
        }
        catch (SlackRateLimitedException limited)
        {
            return new DeliveryRetry("ratelimited", limited.RetryAfter, NotSent: limited.NotSent);
        }
        catch (SlackApiException error) when (error.IsAuthFailure && options.CurrentValue.Distributed)
        {
            // One workspace's token, not the bot's: the other workspaces keep working. Its uninstall event deactivates it,
            // after which the retry fails as not_installed.
            return new DeliveryRetry(error.Error, TimeSpan.FromMinutes(15));
        }
        catch (SlackApiException error) when (error.IsAuthFailure)
        {
            // The message is fine; the token is not. Keep it until an admin fixes the configuration.
            health.Fatal(error.Error);
            return new DeliveryRetry(error.Error, TimeSpan.FromMinutes(15));
        }
        catch (SlackApiException error) when (Passing.Contains(error.Error))
        {
            return new DeliveryRetry(error.Error);
        }
        catch (SlackApiException error) when (RouteClosed.Contains(error.Error))
        {
            return new DeliveryRouteFailed(error.Error);
        }
        catch (SlackApiException error)
        {
            return new DeliveryFailed(error.Error, Unreachable.Contains(error.Error));
        }
        catch (SlackTransientException transient)
        {
            return new DeliveryRetry(transient.Reason);
        }
    }
}
