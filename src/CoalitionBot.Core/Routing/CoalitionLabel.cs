using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Memo codes are unique per coalition only: someone in several coalitions sees, under each answer, which coalition
/// it is about ("M-1" of which?). People in one coalition see answers exactly as before.
/// </summary>
internal static class CoalitionLabel
{
    public static Reply Apply(Reply reply, RequestContext context) => context is { Memberships.Count: > 1, Coalition: { } coalition } ? reply switch
    {
        MessageReply m => m with { Message = Label(m.Message, coalition.Name) },
        FormAcceptedReply a => a with { Confirmation = Label(a.Confirmation, coalition.Name) },
        OpenFormReply f => f with { Form = f.Form with { Intro = $"Coalition: {coalition.Name}." + (f.Form.Intro is { } intro ? "\n" + intro : "") } },
        _ => reply,
    } : reply;

    private static Message Label(Message message, string coalition) => message with { Blocks = [.. message.Blocks, new TextBlock($"Coalition: {coalition}")] };
}
