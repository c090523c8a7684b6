using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackRequestVerifierTests
{
    // Slack's documented worked example (PROTOCOLS.md, "Verifying requests").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    [Fact]
    public void Sign_DocumentedExample_MatchesSlacksSignature() =>
        Assert.Equal(Expected, Encoding.ASCII.GetString(SlackRequestVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body))));

    [Fact]
    public void Verify_DocumentedExampleAtItsTime_Accepts() =>
        Assert.Null(Verifier(at: 1531420618).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_TamperedBody_Rejects() =>
        Assert.NotNull(Verifier(at: 1531420618).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "coyote", StringComparison.Ordinal))));

    [Fact]
    public void Verify_WrongSecret_Rejects() =>
        Assert.NotNull(Verifier(at: 1531420618, secret: "another-secret").Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(1531420618 + 301)]
    [InlineData(1531420618 - 301)]
    [InlineData(1531420618 + 86400)]
    public void Verify_TimestampOutsideFiveMinutes_Rejects(long now) =>
        Assert.Equal("timestamp outside the 300 s window", Verifier(at: now).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(1531420618 + 300)]
    [InlineData(1531420618 - 300)]
    public void Verify_TimestampAtTheEdgeOfTheWindow_Accepts(long now) =>
        Assert.Null(Verifier(at: now).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null, Expected)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    [InlineData("not-a-number", Expected)]
    [InlineData(Timestamp, "v0=00")]
    [InlineData(Timestamp, "A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    public void Verify_MissingOrMalformedHeaders_Rejects(string? timestamp, string? signature) =>
        Assert.NotNull(Verifier(at: 1531420618).Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoSecretConfigured_RejectsEvenAValidSignature(string? secret) =>
        Assert.Equal("no signing secret configured", Verifier(at: 1531420618, secret: secret).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    private static SlackRequestVerifier Verifier(long at, string? secret = Secret)
    {
        var options = new OptionsMonitorStub(new SlackOptions { SigningSecret = secret, BotToken = "xoxb-1" });
        return new SlackRequestVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(at)));
    }

    private sealed class OptionsMonitorStub(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
