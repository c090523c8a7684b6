using CoalitionBot.Benchmarks;

// End-to-end load runs against the real host as a separate process (BenchmarkDotNet's micro-benchmark loop
// does not fit runs that start a server and wait for an outbox to drain). Usage:
//   dotnet run -c Release --project benchmarks/CoalitionBot.Benchmarks -- [signons|teams|teams-two-postgres|slack-two-postgres|slack-circulate|slack-signons|slack|compile|compile-scaling|bolt|startup|all] [count]
// (bolt: count = seconds per round, default 5, then connections, default 64; startup: count = starts, default 5; neither is part of all: both need npm)
// The runs that check an issue-14 target print a table at the end; the exit code is 1 when one was missed.
var which = args.Length > 0 ? args[0] : "all";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
Console.WriteLine($"CoalitionBot load runs: {which}, {count} each; {Environment.ProcessorCount} processors, .NET {Environment.Version}");
if (which is "signons" or "all")
{
    await SignOnLoad.RunAsync(count);
}

if (which is "teams" or "all")
{
    await TeamsCirculationLoad.RunAsync(count);
}

if (which is "teams-two-postgres")
{
    await TeamsTwoInstanceLoad.RunAsync(args.Length > 1 ? count : 10_000);
}

if (which is "slack-two-postgres")
{
    await SlackTwoInstanceLoad.RunAsync(args.Length > 1 ? count : 1000);
}

if (which is "slack-circulate" or "slack" or "all")
{
    await SlackCirculationLoad.RunAsync(count);
}

if (which is "slack-signons" or "slack" or "all")
{
    await SlackSignOnLoad.RunAsync(count);
}

if (which is "compile")
{
    await CompileLoad.RunAsync(args.Length > 1 ? count : 5000);
}

if (which is "compile-scaling" or "all")
{
    await CompileLoad.ScalingAsync();
}

if (which is "bolt")
{
    await BoltAckRun.RunAsync(args.Length > 1 ? count : 5, connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 64);
}

if (which is "startup")
{
    await StartupRun.RunAsync(args.Length > 1 ? count : 5);
}

return BenchTargets.Report();
