using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;
using CoalitionBot.WebChannel;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// Turns a POST from the sign-on page into the neutral <see cref="Inbound"/> a chat adapter would send: a button
/// press, a form submission, or the `withdraw` command, from the link's contact by their e-mail identity. Only
/// this memo's own buttons and forms are accepted: the link is a capability for one memo, not a chat.
/// </summary>
public static class LinkInbound
{
    public const string Tenant = "email";
    public const string NonceField = "cb_nonce";
    public const string WithdrawField = "cb_withdraw";
    public const string ReasonField = "reason";
    public const string Via = "e-mail link";

    private static readonly string[] Actions = [ActionIds.Sign, ActionIds.Decline, ActionIds.Comment];
    private static readonly string[] Forms = [FormIds.SignOn, FormIds.Decline, FormIds.Comment];

    public static ChatIdentity IdentityOf(string email) => new(Platform.Email, Tenant, email);

    /// <summary>The item, or null when the POST is not one of this memo's buttons or forms (or has no valid nonce).</summary>
    public static Inbound? From(IFormCollection form, PersonalLink link, Memo memo, Contact contact, string email, InboundOrigin origin)
    {
        var nonce = form[NonceField].ToString();
        if (nonce.Length != 32 || !nonce.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        InboundContent? content = null;
        if (form[HtmlPostTarget.FormField].ToString() is { Length: > 0 } formId)
        {
            content = Forms.Contains(formId) && CoalitionStamp.Strip(form[HtmlPostTarget.ContextField].ToString()) == memo.Code
                ? new FormSubmission(formId, memo.Code, form.Keys.Where(IsField).ToDictionary(k => k, k => (string?)form[k].ToString()))
                : null;
        }
        else if (form[HtmlPostTarget.ActionField].ToString() is { Length: > 0 } actionId)
        {
            content = Actions.Contains(actionId) && CoalitionStamp.Strip(form[HtmlPostTarget.ValueField].ToString()) == memo.Code ? new ButtonAction(actionId, memo.Code) : null;
        }
        else if (form[WithdrawField] == memo.Code)
        {
            var reason = string.Join(' ', form[ReasonField].ToString().Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            content = new CommandText($"withdraw {memo.Code} {reason}".TrimEnd());
        }

        if (content is null)
        {
            return null;
        }

        var actor = new Actor(IdentityOf(email), contact.Name, email, contact.TimeZone);
        var place = new Place(Platform.Email, Tenant, email, PlaceKind.Direct);
        return new Inbound($"link:{link.Id:N}:{nonce}", actor, place, content, origin) { Coalition = link.CoalitionId };
    }

    /// <summary>A fresh nonce for one rendered form: its POST is one delivery, however often it is sent.</summary>
    public static string NewNonce() => Guid.NewGuid().ToString("N");

    private static bool IsField(string key) => !key.StartsWith("cb_", StringComparison.Ordinal) && !key.StartsWith("__", StringComparison.Ordinal);
}
