using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Tests.Support;
using CoalitionBot.Testing.Email;
using MimeKit;
using Xunit;

namespace CoalitionBot.Email.Tests.Sending;

/// <summary>The e-mail channel against a real SMTP server on loopback: what MailKit sends, parsed back with MimeKit.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task SendAsync_CirculationEmail_ArrivesWithTextAndHtmlPartsAndTheLink()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server);
        var outbound = Some.Outbound();

        var outcome = await email.SendAsync(outbound);

        var sent = Assert.IsType<DeliverySent>(outcome);
        var message = Assert.Single(server.Received).Message;
        Assert.Equal($"{outbound.DeliveryId:N}.coalitionbot@coalition.example.org", message.MessageId);
        Assert.Equal(message.MessageId, sent.PlatformMessageId);
        Assert.Equal("memos@coalition.example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("Our coalition", message.From.Mailboxes.Single().Name);
        Assert.Equal("amira@hra.example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("M-1: Memo to the Secretary of State", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Open the memo and answer: " + Some.Link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("§1 We urge you to act.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Some.Link}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("<mailto:memos@coalition.example.org?subject=unsubscribe>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task SendAsync_RetriedDelivery_KeepsTheSameMessageId()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server);
        var outbound = Some.Outbound();
        var other = Some.Outbound();

        await email.SendAsync(outbound);
        await email.SendAsync(outbound);
        await email.SendAsync(other);

        var ids = server.Received.Select(r => r.Message.MessageId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task SendAsync_ManyMessages_ShareOneConnection()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server);

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<DeliverySent>(await email.SendAsync(Some.Outbound($"partner{i}@example.org")));
        }

        Assert.Equal(5, server.Received.Count);
        Assert.Equal(1, server.Sessions);
    }

    [Theory]
    [InlineData(550)]
    [InlineData(553)]
    public async Task SendAsync_RecipientRefusedWith5xx_FailsAndMarksTheContactUnreachable(int code)
    {
        await using var server = SmtpTestServer.Start();
        server.RecipientReplies["gone@hra.example.org"] = code;
        using var email = EmailTestChannel.Smtp(server);

        var outcome = await email.SendAsync(Some.Outbound("gone@hra.example.org"));

        var failed = Assert.IsType<DeliveryFailed>(outcome);
        Assert.True(failed.RecipientUnreachable);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_MessageRefusedAtData_FailsAndMarksTheContactUnreachable()
    {
        await using var server = SmtpTestServer.Start();
        server.DataReplies["strict@hra.example.org"] = 554;
        using var email = EmailTestChannel.Smtp(server);

        var outcome = await email.SendAsync(Some.Outbound("strict@hra.example.org"));

        Assert.True(Assert.IsType<DeliveryFailed>(outcome).RecipientUnreachable);
    }

    [Fact]
    public async Task SendAsync_RecipientRefusedWith4xx_IsRetriedLater()
    {
        await using var server = SmtpTestServer.Start();
        server.RecipientReplies["busy@hra.example.org"] = 451;
        using var email = EmailTestChannel.Smtp(server);

        var outcome = await email.SendAsync(Some.Outbound("busy@hra.example.org"));

        var retry = Assert.IsType<DeliveryRetry>(outcome);
        Assert.Contains("451", retry.Reason, StringComparison.Ordinal);
        Assert.True(retry.After >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SendAsync_AfterARefusedRecipient_TheNextMessageStillGoesOnTheSameConnection()
    {
        await using var server = SmtpTestServer.Start();
        server.RecipientReplies["gone@hra.example.org"] = 550;
        using var email = EmailTestChannel.Smtp(server);

        await email.SendAsync(Some.Outbound("gone@hra.example.org"));
        var outcome = await email.SendAsync(Some.Outbound("amira@hra.example.org"));

        Assert.IsType<DeliverySent>(outcome);
        Assert.Equal("amira@hra.example.org", Assert.Single(server.Received).Message.To.Mailboxes.Single().Address);
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task SendAsync_ServerDown_IsRetriedAndRestsBeforeTryingAgain_ThenDelivers()
    {
        var port = SmtpTestServer.FreePort();
        using var email = EmailTestChannel.Smtp(port);

        var first = await email.SendAsync(Some.Outbound());
        var second = await email.SendAsync(Some.Outbound());
        await using var server = SmtpTestServer.Start(port: port);
        var during = await email.SendAsync(Some.Outbound());
        email.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await email.SendAsync(Some.Outbound());

        Assert.Contains("mail server", Assert.IsType<DeliveryRetry>(first).Reason, StringComparison.Ordinal);
        Assert.Contains("a moment ago", Assert.IsType<DeliveryRetry>(second).Reason, StringComparison.Ordinal);
        Assert.IsType<DeliveryRetry>(during);
        Assert.IsType<DeliverySent>(after);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task SendAsync_InvalidAddress_FailsWithoutContactingTheServer()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server);

        var outcome = await email.SendAsync(Some.Outbound("not an address"));

        Assert.True(Assert.IsType<DeliveryFailed>(outcome).RecipientUnreachable);
        Assert.Equal(0, server.Sessions);
    }

    [Fact]
    public async Task SendAsync_UpdateOfAnEarlierMessage_SendsNothing()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server);
        var update = Some.Outbound() with { ReplacesPlatformMessageId = "earlier@coalition.example.org" };

        var outcome = await email.SendAsync(update);

        Assert.Equal("earlier@coalition.example.org", Assert.IsType<DeliverySent>(outcome).PlatformMessageId);
        Assert.Equal(0, server.Sessions);
    }
}
