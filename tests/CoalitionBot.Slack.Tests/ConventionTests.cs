using System.Reflection;
using CoalitionBot.Slack.Api;

namespace CoalitionBot.Slack.Tests;

/// <summary>Reflection checks of the adapter's own conventions.</summary>
public sealed class ConventionTests
{
    [Fact]
    public void SlackApiClient_EveryCall_TakesACancellationToken()
    {
        var calls = typeof(SlackApiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType));

        Assert.All(calls, m => Assert.Contains(m.GetParameters(), p => p.ParameterType == typeof(CancellationToken)));
    }

    [Fact]
    public void SlackOptions_SecretsNeverShowInToString()
    {
        var options = new SlackOptions { BotToken = "xoxb-secret", AppToken = "xapp-secret", SigningSecret = "shh" };

        Assert.DoesNotContain("secret", options.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
