using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Features;

/// <summary>
/// The sign-on form's checks that need nothing but the submitted fields (filled in, not too long, attested, a
/// category chosen). The handler runs them with its own; an adapter runs them before acknowledging
/// (<see cref="MayAckFirst"/>), so these field errors always show on the form even when the sign-on itself is
/// applied after the acknowledgement. Checks that need the store (the memo still open, the category still one of
/// the coalition's, the person still a signer) run in the handler, after the acknowledgement.
/// </summary>
public static class SignOnFields
{
    /// <summary>The three text fields, trimmed; errors for them and for the attestation are recorded in <paramref name="values"/>.</summary>
    public static (string DisplayName, string SignatoryName, string Title) Read(FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var displayName = values.Text("display_name", "Name as it should appear", true, SignOnFeature.NameMax);
        var signatoryName = values.Text("signatory_name", "Signatory name", true, SignOnFeature.NameMax);
        var title = values.Text("signatory_title", "Signatory title", true, SignOnFeature.NameMax);
        if (!values.Checked("attest"))
        {
            values.Error("attest", "Please confirm you may sign, or ask someone who can.");
        }

        return (displayName, signatoryName, title);
    }

    /// <summary>
    /// True for a sign-on form whose fields pass every check that needs no state: it may be journaled and
    /// acknowledged, and handled after. Anything else (another form, a field error) is handled before the
    /// acknowledgement as always, so its errors show on the form.
    /// </summary>
    public static bool MayAckFirst(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Content is not FormSubmission { FormId: FormIds.SignOn } || Receiving.InboundText.Clean(inbound).Content is not FormSubmission form)
        {
            return false;
        }

        var values = new FormValues(form);
        Read(values);
        return values.IsValid && !string.IsNullOrWhiteSpace(values.Raw("category")) && form.Context.Length > 0;
    }
}
