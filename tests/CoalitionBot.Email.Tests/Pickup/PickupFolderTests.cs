using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Tests.Support;
using MimeKit;
using Xunit;

namespace CoalitionBot.Email.Tests.Pickup;

/// <summary>With nothing configured, e-mails land in the pickup folder as .eml files a newcomer can open.</summary>
public sealed class PickupFolderTests
{
    [Fact]
    public async Task SendAsync_NothingConfigured_WritesOneParsableEmlFile()
    {
        using var email = EmailTestChannel.Unconfigured();
        var outbound = Some.Outbound();

        var outcome = await email.SendAsync(outbound);

        Assert.IsType<DeliverySent>(outcome);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(email.Folder, "data", "mail")));
        Assert.Equal($"{outbound.DeliveryId:N}.eml", Path.GetFileName(file));
        var message = MimeMessage.Load(file);
        Assert.Equal("coalitionbot@localhost", message.From.Mailboxes.Single().Address);
        Assert.Equal($"{outbound.DeliveryId:N}.coalitionbot@localhost", message.MessageId);
        Assert.Contains(Some.Link, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Some.Link, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RetriedDelivery_OverwritesItsOwnFileAndLeavesNoTemporaryFiles()
    {
        using var email = EmailTestChannel.Unconfigured(new() { ["Email:PickupDirectory"] = "outbox-mail" });
        var outbound = Some.Outbound();

        await email.SendAsync(outbound);
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.SendAsync(outbound);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(email.Folder, "outbox-mail"), "*", SearchOption.AllDirectories));
        Assert.Equal(BotStart.AddMinutes(5), MimeMessage.Load(file).Date);
    }

    [Fact]
    public async Task List_NewestFirst_ShowsSubjectRecipientAndDate()
    {
        using var email = EmailTestChannel.Unconfigured();
        await email.SendAsync(Some.Outbound("amira@hra.example.org"));
        File.WriteAllText(Path.Combine(email.Pickup.Path, ".stray.tmp"), "half a message");
        File.WriteAllText(Path.Combine(email.Pickup.Path, "notes.eml"), "not ours");

        var listed = Assert.Single(email.Pickup.List());

        Assert.Equal("M-1: Memo to the Secretary of State", listed.Subject);
        Assert.Contains("amira@hra.example.org", listed.To, StringComparison.Ordinal);
        Assert.Equal(BotStart, listed.Date);
        Assert.NotNull(email.Pickup.Open(listed.Name));
    }

    [Theory]
    [InlineData("../secrets.eml")]
    [InlineData("notes.eml")]
    [InlineData("0123456789abcdef0123456789abcdef.eml/../x")]
    [InlineData("")]
    public void Open_NameNotWrittenByTheFolder_IsRefused(string name)
    {
        using var email = EmailTestChannel.Unconfigured();

        Assert.Null(email.Pickup.Open(name));
    }

    private static readonly DateTimeOffset BotStart = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
}
