using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Memo codes are unique per coalition only, so a button or form of a later coalition carries its coalition:
/// "M-3~{id}". The pipeline takes the stamp off before any feature sees the value and uses it to choose the
/// coalition; an unstamped button or form is the deployment's first coalition's (all cards before there were
/// several, and every card of a one-coalition deployment, which therefore looks exactly as it always did).
/// A forged stamp only chooses a coalition; whether the person may act there is decided as for anyone.
/// </summary>
public static class CoalitionStamp
{
    private const char Mark = '~';

    /// <summary>The reply with every button value, form context and live card of it stamped for <paramref name="coalitionId"/>.</summary>
    public static Reply Apply(Reply reply, Guid coalitionId) => Needed(coalitionId) ? reply switch
    {
        MessageReply m => m with { Message = Apply(m.Message, coalitionId) },
        FormAcceptedReply a => a with { Confirmation = Apply(a.Confirmation, coalitionId) },
        OpenFormReply f => f with { Form = Apply(f.Form, coalitionId) },
        FormErrorsReply e => e with { Form = Apply(e.Form, coalitionId) },
        _ => reply,
    } : reply;

    public static Message Apply(Message message, Guid coalitionId) => !Needed(coalitionId) ? message : message with
    {
        Blocks = [.. message.Blocks.Select(b => b is ButtonsBlock buttons
            ? new ButtonsBlock([.. buttons.Buttons.Select(x => x.Url is null ? x with { Value = Stamp(x.Value, coalitionId) } : x)])
            : b)],
        LiveMemoCode = message.LiveMemoCode is { } code ? Stamp(code, coalitionId) : null,
    };

    public static Form Apply(Form form, Guid coalitionId) => Needed(coalitionId) ? form with { Context = Stamp(form.Context, coalitionId) } : form;

    /// <summary>The item without its stamp, and the coalition the stamp (or its absence, for a button or form) names.</summary>
    public static (Inbound Inbound, Guid? Coalition) Take(Inbound inbound) => inbound.Content switch
    {
        ButtonAction b => (inbound with { Content = b with { Value = Strip(b.Value, out var id) } }, id ?? Features.SetupFeature.FirstCoalitionId),
        FormSubmission f => (inbound with { Content = f with { Context = Strip(f.Context, out var id) } }, id ?? Features.SetupFeature.FirstCoalitionId),
        _ => (inbound, null),
    };

    /// <summary>The value without a stamp (what a page compares with a memo's code).</summary>
    public static string Strip(string value) => Strip(value, out _);

    private static bool Needed(Guid coalitionId) => coalitionId != Features.SetupFeature.FirstCoalitionId && coalitionId != Data.CoalitionScope.Nobody;

    private static string Stamp(string value, Guid coalitionId) => $"{Strip(value)}{Mark}{coalitionId:N}";

    private static string Strip(string value, out Guid? coalitionId)
    {
        var at = value.LastIndexOf(Mark);
        if (at >= 0 && value.Length - at == 33 && Guid.TryParseExact(value.AsSpan(at + 1), "N", out var id))
        {
            coalitionId = id;
            return value[..at];
        }

        coalitionId = null;
        return value;
    }
}
