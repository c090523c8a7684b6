using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Theory]
    [InlineData("xoxb-1", "s", null, true)]
    [InlineData("xoxb-1", null, "xapp-1", true)]
    [InlineData("xoxb-1", null, null, false)]
    [InlineData(null, "s", "xapp-1", false)]
    public void IsConfigured_ByKeysPresent(string? bot, string? secret, string? app, bool expected) =>
        Assert.Equal(expected, SlackOptions.IsConfigured(Config(bot, secret, app)));

    [Fact]
    public void Validate_BotTokenMissing_NamesTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Config(null, "secret", null)));

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeitherModeConfigured_NamesBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Config("xoxb-1", null, null)));

        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppTokenOfTheWrongKind_Refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Config("xoxb-1", null, "xoxb-2")));

        Assert.Contains("xapp-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SocketModeKeys_Accepted()
    {
        var options = Resolve(Config("xoxb-1", null, "xapp-1"));

        Assert.True(options.SocketMode);
        Assert.False(options.HttpMode);
        Assert.Equal("https://slack.com/api/", options.ApiBaseUrl);
    }

    [Theory]
    [InlineData("1.2", "cs", "s", true)]
    [InlineData("1.2", "cs", null, false)]
    [InlineData("1.2", null, "s", false)]
    public void IsConfigured_Distributed_NeedsClientIdSecretAndSigningSecret(string? clientId, string? clientSecret, string? signing, bool expected) =>
        Assert.Equal(expected, SlackOptions.IsConfigured(Config(null, signing, null, clientId, clientSecret)));

    [Fact]
    public void Validate_DistributedKeys_AcceptedWithoutBotToken()
    {
        var options = Resolve(Config(null, "s", null, "1.2", "cs"));

        Assert.True(options.Distributed);
        Assert.True(options.HttpMode);
    }

    [Fact]
    public void Validate_ClientIdWithoutSecret_NamesClientSecret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Config(null, "s", null, "1.2", null)));

        Assert.Contains("Slack:ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DistributedWithAppToken_RefusedAsHttpOnly()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Config(null, "s", "xapp-1", "1.2", "cs")));

        Assert.Contains("remove Slack:AppToken", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(string? bot, string? secret, string? app, string? clientId = null, string? clientSecret = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = bot,
            ["Slack:SigningSecret"] = secret,
            ["Slack:AppToken"] = app,
            ["Slack:ClientId"] = clientId,
            ["Slack:ClientSecret"] = clientSecret,
        })
        .Build();

    private static SlackOptions Resolve(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSlack(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SlackOptions>>().Value;
    }
}
