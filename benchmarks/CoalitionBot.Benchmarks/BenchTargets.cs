using System.Globalization;

namespace CoalitionBot.Benchmarks;

/// <summary>The issue's targets each run checks; Program prints them as a table and exits non-zero when one is missed.</summary>
internal static class BenchTargets
{
    private static readonly List<(string Id, string Target, string Measured, bool Met)> Results = [];

    public static void Check(string id, string target, string measured, bool met) => Results.Add((id, target, measured, met));

    /// <summary>Prints the table; returns the process exit code (1 when any target was missed).</summary>
    public static int Report()
    {
        if (Results.Count == 0)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("| target | goal | measured | met |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (id, target, measured, met) in Results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {id} | {target} | {measured} | {(met ? "yes" : "**NO**")} |"));
        }

        return Results.All(r => r.Met) ? 0 : 1;
    }
}
