using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `circulate M-3 to #channel`: one memo card for everyone in a channel the bot is in (on Slack, shared Slack Connect
/// channels too; on Teams a channel of a team the bot was added to), on the platform the coordinator typed on. One Delivery with a channel target, through the outbox.
/// A press by a known person acts for their organisation; a stranger is asked to join (<see cref="JoinRequestForm"/>).
/// </summary>
internal static class ChannelCirculation
{
    /// <summary>"to #name", "to &lt;#C123|name&gt;" or "to C123": the rest of a `circulate` line that names a channel.</summary>
    public static bool Names(string rest) => rest.StartsWith("to ", StringComparison.OrdinalIgnoreCase);

    public static async Task<Reply> CirculateAsync(RequestContext ctx, string code, string rest, ChannelTargets targets, Func<Task<Reply>> circulateToPartners, CancellationToken ct)
    {
        var platform = ctx.Inbound.Place.Platform;
        var (channelId, label) = await targets.ResolveAsync(ctx.Inbound.Place, rest[3..].Trim(), ct);
        var memo = await Memos.RequireAsync(ctx, code, ct);
        var opened = "";
        if (memo.Status == MemoStatus.Draft)
        {
            // Opens it and sends it to the directory first, as `circulate M-3` does.
            opened = string.Concat((await circulateToPartners() as MessageReply)?.Message.Blocks.OfType<TextBlock>().Select(b => b.Text + "\n") ?? []);
            memo = await Memos.RequireAsync(ctx, code, ct);
        }

        if (memo.Status != MemoStatus.Open)
        {
            throw new RefusalException($"{memo.Code} is {memo.Status.ToString().ToLowerInvariant()}; type `reopen {memo.Code}` first.");
        }

        var me = ctx.MeOrThrow;
        var actor = ctx.Inbound.Actor.Identity;
        var identity = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Identities.Where(i => i.ContactId == me.Id && i.Platform == actor.Platform && i.TenantId == actor.TenantId && i.UserId == actor.UserId), ct)
            ?? ctx.Data.Added<ContactIdentity>().FirstOrDefault(i => i.ContactId == me.Id && i.Platform == actor.Platform)
            ?? throw new RefusalException("I can't post to a channel from here. Type the command in Slack (or Teams), where the channel is.");
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var key = $"channel:{memo.Id:N}:v{version.Number}:{platform}:{identity.TenantId}:{channelId}";
        if ((await Deliveries.ExistingKeysAsync(ctx, [key], ct)).Count > 0)
        {
            return new MessageReply(Message.Text($"Version {version.Number} of {memo.Code} was already posted in {label}."));
        }

        var delivery = Deliveries.Enqueue(ctx, identity, DeliveryPurpose.Circulation, key, memo, MemoCards.Card(memo, version, null, Intro(memo)));
        delivery.ChannelId = channelId;
        delivery.Route = platform switch { Platform.Slack => "Slack channel", Platform.Teams => "Teams channel", _ => "channel" };
        ctx.Audit("memo.circulated.channel", $"{memo.Code} → {label}", memo.Id, after: new { Channel = channelId, Version = version.Number });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text(opened + $"{memo.Code}'s card is on its way to {label}. Partners there sign for their organisation with its buttons; "
            + "anyone I don't know is asked which organisation they are with, and you confirm them with `partners approve <n>` (`partners requests` lists them). "
            + "If I am not in that channel, invite me first and circulate again."));
    }

    /// <summary>The card's first line in a channel: for everyone there, known or not.</summary>
    public static string Intro(Memo memo) =>
        $"{memo.Title} — partners, please sign on for your organisation by the deadline, decline, or comment. If I don't know you yet, a button asks which organisation you are with.";
}
