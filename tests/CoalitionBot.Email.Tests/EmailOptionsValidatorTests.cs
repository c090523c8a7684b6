using CoalitionBot.Email.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace CoalitionBot.Email.Tests;

/// <summary>Wrong e-mail settings stop the host at start with a message that names the key.</summary>
public sealed class EmailOptionsValidatorTests
{
    [Theory]
    [InlineData("Email:From", "not-an-address", "Email:From")]
    [InlineData("Email:From", "CoalitionBot <bot@localhost>", "sending domain")]
    [InlineData("Email:Smtp:Password", "", "Email:Smtp:Password is required")]
    [InlineData("Email:Smtp:Host", "smtp.example.org", "without TLS")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port")]
    [InlineData("Email:UnsubscribeAddress", "nope", "Email:UnsubscribeAddress")]
    public void Options_InvalidSmtpSettings_FailNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:From"] = "Coalition <memos@coalition.example.org>",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:UseStartTls"] = "false",
            ["Email:Smtp:Username"] = "bot",
            ["Email:Smtp:Password"] = "pw",
            [key] = value,
        };
        using var email = EmailTestChannel.Unconfigured(settings);

        var error = Assert.Throws<OptionsValidationException>(() => email.Options);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NothingConfigured_AreValidAndUseThePickupFolder()
    {
        using var email = EmailTestChannel.Unconfigured();

        Assert.False(email.Options.SendsOverSmtp);
        Assert.Equal(Path.Combine(email.Folder, "data", "mail"), email.Pickup.Path);
    }
}
