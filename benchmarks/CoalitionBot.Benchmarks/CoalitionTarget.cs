using System.Collections;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// CoalitionBot as the Bolt comparison runs it: HTTP mode, SQLite with a seeded coalition, the signing secret of a
/// Slack simulator (which answers auth.test), and the /memo help command of a known partner, signed per request.
/// Environment variables BENCH_HOST_X=V are passed to the host as X=V, so a setting can be measured without a rebuild.
/// </summary>
internal static class CoalitionTarget
{
    public const string TriggerPlaceholder = "TRIGGER_PLACEHOLDER";

    public static string UserId => SlackCirculationLoad.UserId(0);

    public static Dictionary<string, string> Environment(SlackSimulator simulator)
    {
        var environment = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = simulator.BotToken,
            ["Slack__SigningSecret"] = simulator.SigningSecret,
            ["Slack__ApiBaseUrl"] = simulator.ApiBaseUrl,
        };
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && key.StartsWith("BENCH_HOST_", StringComparison.Ordinal))
            {
                environment[key["BENCH_HOST_".Length..]] = variable.Value as string ?? string.Empty;
            }
        }

        return environment;
    }

    /// <summary>Seeds a database with a coalition (partner 0 linked to <see cref="UserId"/>) and starts the host on it.</summary>
    public static async Task<(HostProcess Host, string Folder, Dictionary<string, string> Environment)> StartAsync(SlackSimulator simulator)
    {
        simulator.Users[UserId] = new SimulatedUser(UserId, "Contact 0000", Testing.Load.BulkCoalition.PartnerEmail(0));
        var environment = Environment(simulator);
        var (host, folder) = await BenchHost.StartAsync(2, openMemo: true, (contact, i) => new ContactIdentity
        {
            ContactId = contact.Id, Platform = Platform.Slack, TenantId = simulator.TeamId, UserId = SlackCirculationLoad.UserId(i), LastSeenAt = DateTimeOffset.UtcNow,
        }, environment);
        return (host, folder, environment);
    }

    /// <summary>The form body Slack posts for <c>/memo help</c>, with <see cref="TriggerPlaceholder"/> where each request's trigger_id goes.</summary>
    public static string HelpBody(SlackSimulator simulator)
    {
        JsonObject command = simulator.SlashCommand("help", UserId, simulator.DirectChannelOf(UserId));
        command["trigger_id"] = TriggerPlaceholder;
        return SlackSimulator.FormEncode(command);
    }
}
