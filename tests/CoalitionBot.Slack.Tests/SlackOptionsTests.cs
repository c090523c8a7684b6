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

    private static IConfiguration Config(string? bot, string? secret, string? app) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = bot,
            ["Slack:SigningSecret"] = secret,
            ["Slack:AppToken"] = app,
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
