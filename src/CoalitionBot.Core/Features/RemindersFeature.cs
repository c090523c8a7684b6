using System.Globalization;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reminders;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>"Remind me tomorrow", `nudge`, and the coordinators' reminder settings: `reminders`, `quiet` and `digest`.</summary>
public sealed class RemindersFeature(Reach.IPersonalLinks links) : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Action(ActionIds.Snooze, Permission.Member, "No reminder about this memo until tomorrow, then one.", Snooze),
        Route.Command(190, "nudge", Permission.Coordinator, "nudge M-3 [organisation, …]",
            "Remind now everyone who has not answered (or must re-confirm), or only the organisations named.", (ctx, ct) => Nudge(ctx, links, ct)),
        Route.Command(250, "reminders", Permission.Coordinator, "reminders [M-3] [3d 1d 3h | default]",
            "Show or set how long before the deadline reminders go out, for one memo or for the coalition.", Reminders),
        Route.Command(260, "quiet", Permission.Coordinator, "quiet [20:00-08:00 [weekends | no-weekends] | off]",
            "Show or set the local hours (in each partner's own time zone) when no reminders are sent.", Quiet),
        Route.Command(270, "digest", Permission.Coordinator, "digest [08:30 | off]",
            "Get a daily digest of each open memo at this local time: new sign-ons, new comments, who is still missing.", Digest),
    ];

    private static async Task<Reply> Snooze(RequestContext ctx, CancellationToken ct)
    {
        var me = ctx.MeOrThrow;
        for (var attempt = 0; ; attempt++)
        {
            var memo = await Memos.RequireAsync(ctx, ctx.Action!.Value, ct);
            if (memo is not { Status: MemoStatus.Open, Deadline: { } deadline } || deadline <= ctx.Now)
            {
                return new MessageReply(Message.Text($"{memo.Code} is not open for sign-on any more, so no more reminders will come."));
            }

            var until = ReminderPlanner.Snooze(ctx.Now, TimeZones.IsKnown(me.TimeZone) ? me.TimeZone : "UTC", ReminderSettings.QuietHoursOf(ctx.CoalitionOrThrow), deadline);
            var snooze = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Snoozes.Where(s => s.MemoId == memo.Id && s.ContactId == me.Id), ct);
            if (snooze is null)
            {
                snooze = new ReminderSnooze { MemoId = memo.Id, ContactId = me.Id };
                ctx.Data.Add(snooze);
            }

            snooze.At = ctx.Now;
            snooze.Until = until ?? deadline;
            try
            {
                await ctx.SaveAsync(ct);
            }
            catch (UniqueConflictException) when (attempt < 3)
            {
                continue; // the same person pressed it twice at once; apply it to the stored row
            }

            return new MessageReply(Message.Text(until is { } u
                ? $"OK: no reminders about {memo.Code} until {TimeZones.Describe(u, me.TimeZone)}; then I'll remind you once."
                : $"OK: {memo.Code}'s deadline ({TimeZones.Describe(deadline, me.TimeZone)}) comes before tomorrow, so I won't remind you about it again."));
        }
    }

    private static async Task<Reply> Nudge(RequestContext ctx, Reach.IPersonalLinks links, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        if (memo is not { Status: MemoStatus.Open, Deadline: { } deadline } || deadline <= ctx.Now)
        {
            throw new RefusalException($"{memo.Code} is not open for sign-on, so there is nobody to nudge.");
        }

        var tally = await MemoTally.ForAsync(ctx, memo, ct);
        var waiting = tally.Missing.Select(m => m.Key).Concat(tally.Reconfirm.Select(s => s.SignerKey)).ToHashSet();
        HashSet<Guid>? only = null;
        if (rest.Length > 0)
        {
            only = [];
            foreach (var name in rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var organisation = await PartnersFeature.RequireOrganisationAsync(ctx, name, ct);
                if (memo.Mode == SignOnMode.Organisations && !waiting.Contains(SignOn.KeyForOrganisation(organisation.Id)))
                {
                    throw new RefusalException($"{organisation.Name} has answered {memo.Code} already; nothing to nudge.");
                }

                only.Add(organisation.Id);
            }
        }

        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var coalition = ctx.CoalitionOrThrow;
        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null && !c.Unreachable), ct);
        contacts = contacts.Where(c => Memos.SignerKeyFor(memo, c) is { } key && waiting.Contains(key) && (only is null || only.Contains(c.OrganisationId!.Value))).ToList();
        var reach = await Deliveries.ReachableAsync(ctx, contacts.Select(c => c.Id).ToList(), ct);
        var signOns = (await Memos.SignOnsAsync(ctx, memo, ct)).ToDictionary(s => s.SignerKey);
        var organisations = (await Memos.OrganisationsAsync(ctx, ct)).ToDictionary(o => o.Id, o => o.Name);
        var quiet = ReminderSettings.QuietHoursOf(coalition);
        int queued = 0, later = 0;
        foreach (var contact in contacts.Where(c => reach.ContainsKey(c.Id)))
        {
            var answer = signOns.GetValueOrDefault(Memos.SignerKeyFor(memo, contact)!);
            if (answer is not null && answer.ActorId != contact.Id && contacts.Exists(c => c.Id == answer.ActorId))
            {
                continue; // the person who signed is asked to re-confirm, not their colleagues
            }

            var zone = TimeZones.IsKnown(contact.TimeZone) ? contact.TimeZone : "UTC";
            var at = quiet.NextAllowed(ctx.Now, zone);
            at = at < deadline ? at : ctx.Now;
            later += at > ctx.Now ? 1 : 0;
            var who = memo.Mode == SignOnMode.Individuals ? "you" : organisations.GetValueOrDefault(contact.OrganisationId!.Value, "your organisation");
            var reminder = await Reach.EmailRoute.WithLinkAsync(links, ctx, reach[contact.Id], contact, memo, ReminderCards.Reminder(memo, version, answer, who, zone), ct);
            Deliveries.Enqueue(ctx, reach[contact.Id], DeliveryPurpose.Reminder,
                $"{DeliveryPurpose.Reminder}:{memo.Id:N}:v{version.Number}:{contact.Id:N}:nudge{ctx.Now.UtcTicks}", memo, reminder, at);
            queued++;
        }

        ctx.Audit("memo.nudged", memo.Code, memo.Id, after: new { Organisations = only?.Count, Messages = queued });
        await ctx.SaveAsync(ct);
        var text = queued == 0
            ? $"Nobody to nudge on {memo.Code}: everyone asked has answered, or has no chat identity yet."
            : $"Nudged: {Counted.Of(queued, "reminder")} about {memo.Code} queued" + (later > 0 ? $", {later} of them at the end of the recipient's quiet hours." : ".");
        return new MessageReply(Message.Text(text));
    }

    private static async Task<Reply> Reminders(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var (first, remainder) = ctx.Command.SplitRest();
        if (MemoCode.TryParse(first, out _))
        {
            var memo = await Memos.RequireAsync(ctx, first, ct);
            if (remainder.Length > 0)
            {
                var before = memo.ReminderOffsets;
                memo.ReminderOffsets = remainder.Equals("default", StringComparison.OrdinalIgnoreCase) ? null : FormatOrRefuse(remainder);
                ctx.Audit("memo.reminders.changed", memo.Code, memo.Id, new { Offsets = before }, new { Offsets = memo.ReminderOffsets });
                await ctx.SaveAsync(ct);
            }

            var policy = ReminderSettings.PolicyFor(coalition, memo);
            var text = $"{memo.Code}: reminders {ReminderSettings.FormatOffsets(policy.Offsets)} before the deadline"
                + (memo.ReminderOffsets is null ? " (the coalition's default)" : "") + $", outside quiet hours ({ReminderSettings.Describe(policy.QuietHours)}).";
            if (memo.Deadline is { } deadline && ctx.Me is { } me && deadline > ctx.Now)
            {
                var zone = TimeZones.IsKnown(me.TimeZone) ? me.TimeZone : "UTC";
                var plan = ReminderPlanner.Plan(deadline, policy, zone, ctx.Now);
                text += plan.Count == 0 ? " None are still to come." : $"\nFor someone in {zone}: " + string.Join("; ", plan.Select(p => TimeZones.Describe(p.DueUtc, zone)));
            }

            return new MessageReply(Message.Text(text));
        }

        if (ctx.Command.Rest.Length > 0)
        {
            var before = coalition.ReminderOffsets;
            coalition.ReminderOffsets = ctx.Command.Rest.Equals("default", StringComparison.OrdinalIgnoreCase) ? "3d 1d 3h" : FormatOrRefuse(ctx.Command.Rest);
            ctx.Audit("coalition.reminders.changed", coalition.Name, null, new { Offsets = before }, new { Offsets = coalition.ReminderOffsets });
            await ctx.SaveAsync(ct);
        }

        return new MessageReply(Message.Text($"Reminders go out {coalition.ReminderOffsets} before a memo's deadline unless the memo says otherwise, outside quiet hours ({ReminderSettings.Describe(ReminderSettings.QuietHoursOf(coalition))}). Change them with `reminders 3d 1d 3h` or, for one memo, `reminders M-3 2d 4h`."));
    }

    private static string FormatOrRefuse(string text) =>
        ReminderSettings.TryParseOffsets(text, out var offsets)
            ? ReminderSettings.FormatOffsets(offsets)
            : throw new RefusalException($"I couldn't read \"{Memos.Shorten(text)}\" as reminder times. Write up to ten times before the deadline such as `3d 1d 3h` (d = days, h = hours, m = minutes).");

    private static async Task<Reply> Quiet(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var rest = ctx.Command.Rest.Trim();
        if (rest.Length > 0)
        {
            var before = ReminderSettings.Describe(ReminderSettings.QuietHoursOf(coalition));
            if (rest.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                (coalition.QuietStart, coalition.QuietEnd, coalition.QuietWeekends) = (TimeOnly.MinValue, TimeOnly.MinValue, false);
            }
            else
            {
                var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var window = parts[0].Split('-', '–');
                if (window.Length != 2 || !TryTime(window[0], out var start) || !TryTime(window[1], out var end) || parts.Length > 2
                    || (parts.Length == 2 && parts[1].ToLowerInvariant() is not ("weekends" or "no-weekends")))
                {
                    throw new RefusalException("Usage: `quiet 20:00-08:00 weekends` (quiet every night and all weekend), `quiet 21:00-07:00 no-weekends`, or `quiet off`.");
                }

                (coalition.QuietStart, coalition.QuietEnd) = (start, end);
                coalition.QuietWeekends = parts.Length < 2 || parts[1].Equals("weekends", StringComparison.OrdinalIgnoreCase);
            }

            ctx.Audit("coalition.quiet.changed", coalition.Name, null, new { Quiet = before }, new { Quiet = ReminderSettings.Describe(ReminderSettings.QuietHoursOf(coalition)) });
            await ctx.SaveAsync(ct);
        }

        return new MessageReply(Message.Text($"Quiet hours, in each partner's own time zone: {ReminderSettings.Describe(ReminderSettings.QuietHoursOf(coalition))}. No reminders are sent then."));
    }

    private static async Task<Reply> Digest(RequestContext ctx, CancellationToken ct)
    {
        var me = ctx.MeOrThrow;
        var rest = ctx.Command.Rest.Trim();
        if (rest.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            me.DigestAt = null;
            await ctx.SaveAsync(ct);
        }
        else if (rest.Length > 0)
        {
            me.DigestAt = TryTime(rest, out var at) ? at : throw new RefusalException("Usage: `digest 08:30` (your local time) or `digest off`.");
            await ctx.SaveAsync(ct);
        }

        return new MessageReply(Message.Text(me.DigestAt is { } t
            ? $"You get a daily digest of each open memo at {t:HH\\:mm} ({me.TimeZone}). `digest off` stops it."
            : "You get no daily digest. `digest 08:30` sends one every day at that local time."));
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
