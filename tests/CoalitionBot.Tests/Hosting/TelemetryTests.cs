using System.Net;
using System.Text;
using CoalitionBot.Core.Telemetry;
using CoalitionBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Hosting;

/// <summary>Issue #12: the host's traces and metrics, observed with an ActivityListener and a MeterListener on its own telemetry.</summary>
public sealed class TelemetryTests
{
    private const string Kind = TelemetryTags.Kind;

    [Fact]
    public async Task SignedSlackRequestsAndAnOutboxSend_TracedAndMeasured()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        using var recorder = new TelemetryRecorder(host.Factory.Services.GetRequiredService<BotTelemetry>());
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        await cora.Says("setup Rights Before Arms");
        await cora.Says("partners add The Human Rights Advocates");
        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await amira.Says("help");
        await host.EventAsync(host.Simulator.EventCallback(host.Simulator.DirectMessage("help", amira.Id), "EvTelemetry1"));
        await cora.Says("new Memo to the Secretary | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
        await cora.Says("circulate M-1");

        Assert.Equal(1, await host.DeliverAsync());
        recorder.Observe();

        // One inbound event through the pipeline: received (journaled), handled and replied to, in one trace.
        var received = await recorder.StoppedAsync(a => a.OperationName == "coalitionbot.inbound.receive" && Tag(a, TelemetryTags.DeliveryId) == "EvTelemetry1");
        var handled = await recorder.StoppedAsync(a => a.OperationName == "coalitionbot.inbound.handle" && Tag(a, TelemetryTags.DeliveryId) == "EvTelemetry1");
        var replied = await recorder.StoppedAsync(a => a.OperationName == "coalitionbot.inbound.reply" && Tag(a, TelemetryTags.DeliveryId) == "EvTelemetry1");
        Assert.Equal("accepted", Tag(received, TelemetryTags.Outcome));
        Assert.Contains(received.Events, e => e.Name == "journaled");
        Assert.Equal(received.TraceId, handled.TraceId);
        Assert.Equal(received.SpanId, handled.ParentSpanId);
        Assert.Equal(received.TraceId, replied.TraceId);
        Assert.Contains(recorder.Activities, a => a.OperationName == "coalitionbot.inbound.pipeline" && Tag(a, TelemetryTags.Route) == "setup");

        var send = await recorder.StoppedAsync(a => a.OperationName == "coalitionbot.outbox.send");
        Assert.Equal("sent", Tag(send, TelemetryTags.Outcome));
        Assert.Equal("slack", Tag(send, TelemetryTags.Platform));

        Assert.Contains(recorder.Of("coalitionbot.ack.duration"), m => Is(m.Tags, TelemetryTags.Platform, "slack") && Is(m.Tags, Kind, "slash command") && m.Value >= 0);
        Assert.Contains(recorder.Of("coalitionbot.ack.duration"), m => Is(m.Tags, Kind, "event"));
        Assert.Contains(recorder.Of("coalitionbot.outbox.sends"), m => Is(m.Tags, TelemetryTags.Platform, "slack") && Is(m.Tags, TelemetryTags.Outcome, "sent") && m.Value == 1);
        Assert.Contains(recorder.Of("coalitionbot.outbox.depth"), m => m.Value == 0);

        // Tags carry words and ids, never what people typed.
        Assert.DoesNotContain(recorder.Activities.SelectMany(a => a.TagObjects), t => t.Value is string s && s.Contains("Human Rights", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlackRequestWithABadSignature_CountedAsRejectedUnverified()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        using var recorder = new TelemetryRecorder(host.Factory.Services.GetRequiredService<BotTelemetry>());
        using var http = new HttpClient { BaseAddress = host.Factory.ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands")
        {
            Content = new StringContent("command=%2Fmemo&text=help", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var rejected = Assert.Single(recorder.Of("coalitionbot.inbound.rejected"));
        Assert.True(Is(rejected.Tags, TelemetryTags.Platform, "slack") && Is(rejected.Tags, TelemetryTags.Reason, "unverified"));
    }

    [Fact]
    public async Task WebChannelMalformedRequest_CountedAsRejectedMalformed()
    {
        await using var factory = new BotFactory();
        using var recorder = new TelemetryRecorder(factory.Services.GetRequiredService<BotTelemetry>());

        using var response = await factory.CreateClient().PostAsync("/web/api/send", new StringContent("[1,2]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rejected = Assert.Single(recorder.Of("coalitionbot.inbound.rejected"));
        Assert.True(Is(rejected.Tags, TelemetryTags.Platform, "web") && Is(rejected.Tags, TelemetryTags.Reason, "malformed"));
    }

    private static string? Tag(System.Diagnostics.Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    private static bool Is(Dictionary<string, object?> tags, string name, string value) => tags.TryGetValue(name, out var v) && v?.ToString() == value;
}
