using System.Security.Cryptography.X509Certificates;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Tests.Support;
using CoalitionBot.Testing.Email;
using Xunit;

namespace CoalitionBot.Email.Tests.Sending;

/// <summary>STARTTLS and login against the test server with a self-signed certificate the test trusts explicitly.</summary>
public sealed class SmtpSecurityTests
{
    private const string Password = "s3cret-smtp-password";

    private static readonly Lazy<X509Certificate2> Certificate = new(TestCertificate.Create);

    [Fact]
    public async Task SendAsync_StartTlsWithLogin_SendsEncryptedAndLoggedIn()
    {
        await using var server = SmtpTestServer.Start(Certificate.Value, ("bot", Password));
        using var email = EmailTestChannel.Smtp(server, Secure("bot", Password), Trusted);

        var outcome = await email.SendAsync(Some.Outbound());

        Assert.IsType<DeliverySent>(outcome);
        Assert.True(Assert.Single(server.Received).Secure);
        Assert.Equal("bot", Assert.Single(server.Logins));
    }

    [Fact]
    public async Task SendAsync_UntrustedCertificate_IsRetriedAndNothingIsSent()
    {
        await using var server = SmtpTestServer.Start(Certificate.Value, ("bot", Password));
        using var email = EmailTestChannel.Smtp(server, Secure("bot", Password));

        var outcome = await email.SendAsync(Some.Outbound());

        Assert.Contains("TLS", Assert.IsType<DeliveryRetry>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        Assert.Empty(server.Logins);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_IsRetriedAndThePasswordIsNeverLogged()
    {
        await using var server = SmtpTestServer.Start(Certificate.Value, ("bot", "the-right-one"));
        using var email = EmailTestChannel.Smtp(server, Secure("bot", Password), Trusted);

        var outcome = await email.SendAsync(Some.Outbound());

        var retry = Assert.IsType<DeliveryRetry>(outcome);
        Assert.Contains("Email:Smtp:Password", retry.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, retry.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(email.Logs.Lines);
        Assert.DoesNotContain(Password, email.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_IsRetriedWithoutSendingThePassword()
    {
        await using var server = SmtpTestServer.Start();
        using var email = EmailTestChannel.Smtp(server, Secure("bot", Password), Trusted);

        var outcome = await email.SendAsync(Some.Outbound());

        Assert.IsType<DeliveryRetry>(outcome);
        Assert.Empty(server.Received);
    }

    private static Dictionary<string, string?> Secure(string user, string password) => new()
    {
        ["Email:Smtp:UseStartTls"] = "true",
        ["Email:Smtp:Username"] = user,
        ["Email:Smtp:Password"] = password,
    };

    private static bool Trusted(object sender, X509Certificate? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.Value.GetCertHashString();
}
