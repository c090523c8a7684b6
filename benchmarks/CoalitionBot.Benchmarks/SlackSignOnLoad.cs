using System.Diagnostics;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Slack.Rendering;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// (b′) N partners submit the sign-on modal at the same moment: N signed view_submission requests at POST
/// /slack/interactions (HTTP mode), each with its own signature. Slack wants each answered within 3 s.
/// </summary>
internal static class SlackSignOnLoad
{
    public static async Task RunAsync(int count)
    {
        await using var simulator = await SlackSimulator.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = simulator.BotToken,
            ["Slack__SigningSecret"] = simulator.SigningSecret,
            ["Slack__ApiBaseUrl"] = simulator.ApiBaseUrl,
        };
        for (var i = 0; i < count + SignOnLatencies.Warm; i++)
        {
            simulator.Users[SlackCirculationLoad.UserId(i)] = new SimulatedUser(SlackCirculationLoad.UserId(i), $"Contact {i:D4}", BulkCoalition.PartnerEmail(i));
        }

        var (host, folder) = await BenchHost.StartAsync(count + SignOnLatencies.Warm, openMemo: true, (contact, i) => new ContactIdentity
        {
            ContactId = contact.Id, Platform = Platform.Slack, TenantId = simulator.TeamId, UserId = SlackCirculationLoad.UserId(i), LastSeenAt = DateTimeOffset.UtcNow,
        }, environment);
        await using (host)
        {
            var url = new Uri(host.BaseAddress, "slack/interactions");
            await SignOnLatencies.WarmUpAsync(folder, count, async i => // partners past the last one, outside the measurement
            {
                var warmUp = await SubmitAsync(simulator, url, i);
                if (warmUp.Status != 200 || warmUp.Body.Length > 0)
                {
                    throw new InvalidOperationException($"Warm-up submission answered {warmUp.Status}: {warmUp.Body}\n{host.Log}");
                }
            });

            // Slack's side is prepared before the burst (payloads built and signed) and the connections are open, as
            // Slack's own would be: the client on the same two cores then costs little more than its sends.
            var timestamp = simulator.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var requests = Enumerable.Range(0, count).Select(i => Body(simulator, i)).Select(b => (Body: System.Text.Encoding.UTF8.GetBytes(b), Signature: SlackSimulator.Sign(simulator.SigningSecret, timestamp, b))).ToArray();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(5) };
            await SignOnLoad.OpenConnectionsAsync(http, host.BaseAddress, count);
            var latencies = new double[count];
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(requests[i].Body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
                request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                request.Headers.Add("X-Slack-Signature", requests[i].Signature);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return ((int)response.StatusCode, body);
            }));
            var acked = clock.Elapsed;
            var stored = await SignOnLatencies.StoredAsync(folder, count);
            Console.WriteLine($"(b′) {count} concurrent signed view_submission (sign-on) requests at POST /slack/interactions (HTTP mode, SQLite): {results.Count(r => r is (200, ""))} acked 200 with an empty body (modal closes), {results.Count(r => r.Item1 != 200)} not 200, {results.Count(r => r is (200, { Length: > 0 }))} with a body; {latencies.Count(l => l > 3000)} over Slack's 3 s");
            Console.WriteLine($"    all acked in {acked.TotalSeconds:F1} s; {stored.Stored} sign-ons stored once {clock.Elapsed.TotalSeconds:F1} s after the first request");
            SignOnLatencies.Report("signed Slack sign-on modal submissions", latencies, count, stored);
        }

        SignOnLoad.TryDelete(folder);
    }

    private static Task<SimulatedHttpResponse> SubmitAsync(SlackSimulator simulator, Uri url, int i) =>
        simulator.DeliverAsync(url, "application/x-www-form-urlencoded", Body(simulator, i));

    /// <summary>The form body Slack posts for partner i submitting the sign-on modal (payload = the view_submission JSON).</summary>
    private static string Body(SlackSimulator simulator, int i)
    {
        var user = SlackCirculationLoad.UserId(i);
        static JsonObject Text(string value) => new() { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = simulator.TeamId, ["domain"] = "coalition" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = $"contact{i:D4}", ["team_id"] = simulator.TeamId },
            ["api_app_id"] = "A0SIM",
            ["trigger_id"] = simulator.IssueTrigger(),
            ["view"] = new JsonObject
            {
                ["id"] = $"V{i:D5}",
                ["hash"] = "1700000000.bench",
                ["type"] = "modal",
                ["callback_id"] = "signon",
                ["private_metadata"] = new FormMetadata("signon", "M-1", simulator.DirectChannelOf(user)).Serialize(), // opened from the memo card in their DM
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["display_name"] = Text($"Partner Organisation {i:D4}"),
                        ["signatory_name"] = Text($"Contact {i:D4}"),
                        ["signatory_title"] = Text("Director"),
                        ["category"] = new JsonObject
                        {
                            ["value"] = new JsonObject
                            {
                                ["type"] = "static_select",
                                ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "International" }, ["value"] = "International" },
                            },
                        },
                        ["attest"] = new JsonObject
                        {
                            ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "true" }) },
                        },
                    },
                },
            },
        };
        return SlackSimulator.FormEncode([KeyValuePair.Create("payload", payload.ToJsonString())]);
    }
}
