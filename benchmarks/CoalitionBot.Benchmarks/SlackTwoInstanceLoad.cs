namespace CoalitionBot.Benchmarks;

/// <summary>
/// (P6) Circulation to N Slack contacts by two instances of the host on one PostgreSQL database (fsync on), through one
/// Slack simulator with Slack's limits: the two share the workspace's 300 chat.postMessage a minute through the database.
/// </summary>
internal static class SlackTwoInstanceLoad
{
    public static async Task RunAsync(int count)
    {
        const string target = "P6 Slack, two instances, PostgreSQL";
        await using var simulator = await SlackCirculationLoad.StartSimulatorAsync(count);
        await using var hosts = await TwoInstanceHosts.StartAsync(target, count, (contact, i) => SlackCirculationLoad.Identity(simulator, contact, i), SlackCirculationLoad.Environment(simulator));
        if (hosts is not null)
        {
            await SlackCirculationLoad.CirculateAsync(simulator, hosts.First.BaseAddress, count, "two instances on one PostgreSQL database", target, hosts.SentWhenSettledAsync);
        }
    }
}
