using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Reach;

/// <summary>`status`'s reach line: how each partner contact got the memo (by route), who fell to another route, and who cannot be reached and why.</summary>
public static class ReachProgress
{
    public static async Task<string?> DescribeAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var cards = await ctx.Data.ListAsync(ctx.Data.Deliveries
            .Where(d => d.MemoId == memo.Id && d.ChannelId == null && (d.Purpose == DeliveryPurpose.Circulation || d.Purpose == DeliveryPurpose.NewVersion)) // a card in a channel reaches no contact by itself
            .Select(d => new { d.ContactId, d.Platform, d.State, d.Route, d.CreatedAt }), ct);
        if (cards.Count == 0)
        {
            return null;
        }

        var latest = cards.Where(c => c.State != DeliveryState.Failed && c.State != DeliveryState.Cancelled)
            .GroupBy(c => c.ContactId).Select(g => g.MaxBy(c => c.CreatedAt)!).ToList();
        var count = new RouteCount();
        latest.ForEach(c => count.Add(c.Platform));
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct);
        var reached = latest.Select(c => c.ContactId).ToHashSet();
        var text = "Reach: " + count.Describe() + $" of {Counted.Of(contacts.Count, "contact")}.";
        var fellBack = latest.Count(c => c.Route?.Contains("failed", StringComparison.Ordinal) == true);
        if (fellBack > 0)
        {
            text += $" {fellBack} reached by another route after the first failed.";
        }

        var lookingUp = contacts.Count(c => !reached.Contains(c.Id) && c.ReachRetryAt is not null && c.ReachCheckedAt is null);
        if (lookingUp > 0)
        {
            text += $" {lookingUp} still being looked up (Slack asked me to wait); they get it when found.";
        }

        var missing = contacts.Where(c => !reached.Contains(c.Id) && !(c.ReachRetryAt is not null && c.ReachCheckedAt is null))
            .Select(c => $"{c.Name} ({Unreachability.Why(c)})").ToList();
        if (missing.Count > 0)
        {
            text += $"\nNot reached ({missing.Count}): {string.Join("; ", missing.Take(20))}{(missing.Count > 20 ? "; …" : "")}.";
        }

        var since = contacts.Where(c => reached.Contains(c.Id) && c.Unreachable).Select(c => $"{c.Name} ({Unreachability.Why(c)})").ToList();
        if (since.Count > 0)
        {
            text += $"\nReached, but not reachable any more ({since.Count}): {string.Join("; ", since.Take(20))}{(since.Count > 20 ? "; …" : "")}.";
        }

        var byEmail = latest.Count(c => c.Platform == Platform.Email && c.State == DeliveryState.Pending);
        return byEmail > 0 ? text + $"\n{Counted.Of(byEmail, "e-mail")} still waiting to be sent." : text;
    }
}
