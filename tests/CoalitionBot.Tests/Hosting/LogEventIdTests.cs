using System.Reflection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CoalitionBot.Tests.Hosting;

/// <summary>
/// Every [LoggerMessage] event id of every src assembly the host loads is used once across the solution and lies in
/// its project's range (documented in each project's LogEvents.cs), so an id in a log names exactly one line.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Dictionary<string, (int From, int To)> Ranges = new(StringComparer.Ordinal)
    {
        ["CoalitionBot.Core"] = (1000, 1999),
        ["CoalitionBot.Storage"] = (2000, 2999),
        ["CoalitionBot"] = (3000, 3999),
        ["CoalitionBot.Slack"] = (4000, 4999),
        ["CoalitionBot.Teams"] = (5000, 5999),
        ["CoalitionBot.Documents"] = (6000, 6999),
        ["CoalitionBot.Email"] = (7000, 7999),
    };

    [Fact]
    public void LoggerMessages_AcrossTheSolution_NoEventIdUsedTwice()
    {
        var repeated = LogLines().GroupBy(l => l.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(l => l.Where))}").ToList();

        Assert.True(repeated.Count == 0, "Event ids used more than once:\n" + string.Join('\n', repeated));
    }

    [Fact]
    public void LoggerMessages_EachProject_IdsInItsOwnRange()
    {
        var lines = LogLines();
        var outside = lines.Where(l => !Ranges.TryGetValue(l.Assembly, out var range) || l.Id < range.From || l.Id > range.To)
            .Select(l => $"{l.Id} {l.Where} ({l.Assembly}: give the project a range here and in its LogEvents.cs)").ToList();

        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Assembly == "CoalitionBot.Slack");
        Assert.Contains(lines, l => l.Assembly == "CoalitionBot.Teams");
        Assert.True(outside.Count == 0, "Event ids outside their project's range:\n" + string.Join('\n', outside));
    }

    private static List<(int Id, string Where, string Assembly)> LogLines() =>
        SolutionAssemblies()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}", x.Method.DeclaringType.Assembly.GetName().Name!))
            .ToList();

    /// <summary>The host and every CoalitionBot assembly it references, directly or not.</summary>
    private static List<Assembly> SolutionAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name is "CoalitionBot" || n.Name?.StartsWith("CoalitionBot.", StringComparison.Ordinal) == true))
            {
                pending.Push(Assembly.Load(name));
            }
        }

        return [.. found.Values];
    }
}
