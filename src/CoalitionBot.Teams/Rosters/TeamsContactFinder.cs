using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Rosters;

/// <summary>
/// Finds a directory contact in the rosters of the teams and group chats the bot is in, by e-mail or user principal
/// name, reading each roster first when it is due. The identity is keyed like an inbound Teams user (tenant + Entra
/// object id); the reference carries the serviceUrl and the 29: id the delivery channel opens the 1:1 chat with.
/// </summary>
internal sealed class TeamsContactFinder(TeamsRosters rosters) : IContactFinder
{
    public Platform Platform => Platform.Teams;

    public async Task<FoundIdentity?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        if (rosters.Store is not { } store || string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        await rosters.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        if (await store.FindByEmailAsync(Platform.Teams, email, cancellationToken).ConfigureAwait(false) is not { } match)
        {
            return null;
        }

        var member = match.Member;
        var reference = new ConversationReference(
            match.Place.ServiceUrl,
            "msteams",
            Conversation: null,
            new ChannelAccount(match.Place.BotId),
            new ChannelAccount(member.MemberId, member.Name, member.UserId));
        return new FoundIdentity(member.TenantId, member.UserId, member.Name, ConversationId: null, reference.Serialise());
    }
}
