using CoalitionBot.Core.Messages;
using CoalitionBot.Email.Rendering;
using Xunit;

namespace CoalitionBot.Email.Tests.Rendering;

/// <summary>Issue #12: a name with U+202E does not reverse the text after it in the subject, the text part or the HTML part.</summary>
public sealed class BidiRenderingTests
{
    private const string Name = "Evil\u202E Org";

    [Fact]
    public void Render_NameWithOverride_DoesNotReverseWhatFollows()
    {
        var message = new Message($"{Name} signed M-1",
            [new TextBlock($"Noted: {Name} declines M-1."), new FieldsBlock([new Field("Organisation", Name)])]);

        var email = EmailRenderer.Render(message, "footer");

        foreach (var part in new[] { email.Subject, email.Text, email.Html })
        {
            Assert.DoesNotContain("\u202E", part, StringComparison.Ordinal);
            Assert.DoesNotContain("&#x202E;", part, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Evil Org", part, StringComparison.Ordinal);
        }

        Assert.Contains("declines M-1", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RightToLeftName_IsolatedInBdiInHtml()
    {
        var email = EmailRenderer.Render(new Message("x", [new FieldsBlock([new Field("Organisation", "مركز القاهرة")])]), "footer");

        Assert.Contains("<bdi>", email.Html, StringComparison.Ordinal);
        Assert.Contains("\u2068مركز القاهرة\u2069", email.Text, StringComparison.Ordinal);
    }
}
