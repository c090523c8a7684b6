using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>Whatever a signer answers, the reminders queued for them (their organisation's contacts, or them alone) are no longer wanted.</summary>
internal static class AnsweredReminders
{
    /// <summary>Cancels them in the current unit of work, so they go with the answer's save.</summary>
    public static async Task CancelAsync(RequestContext ctx, Memo memo, Signer signer, CancellationToken ct)
    {
        var contactIds = signer.OrganisationId is { } orgId && signer.Key == SignOn.KeyForOrganisation(orgId)
            ? (await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.OrganisationId == orgId).Select(c => c.Id), ct)).ToHashSet()
            : ctx.Me is { } me ? [me.Id] : [];
        await Reminders.ReminderQueue.CancelPendingAsync(ctx.Data, memo.Id, contactIds.Contains, "They answered.", ctx.Now, ct);
    }
}
