namespace CoalitionBot.Core.Routing;

/// <summary>A typed command split into its first word and the rest: "sign M-3" → ("sign", "M-3").</summary>
public sealed record CommandLine(string Word, string Rest)
{
    public static CommandLine Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.StartsWith('/'))
        {
            // "/memo sign M-3" typed into a place that passes the whole line.
            var space = t.IndexOf(' ');
            t = space < 0 ? "" : t[(space + 1)..].Trim();
        }

        if (t.Length == 0)
        {
            return new CommandLine("help", "");
        }

        var split = t.IndexOfAny([' ', '\t', '\n']);
        return split < 0
            ? new CommandLine(t.ToLowerInvariant(), "")
            : new CommandLine(t[..split].ToLowerInvariant(), t[(split + 1)..].Trim());
    }

    /// <summary>
    /// The line as the route sees it: for a subcommand route ("partners add") the word is the route's key and
    /// the rest what follows the subcommand; for any other route the line itself.
    /// </summary>
    public CommandLine For(Route? route) =>
        route is { Parent: not null } ? new CommandLine(route.Key, SplitRest().Remainder) : this;

    /// <summary>Splits the rest into its first word and what follows: "M-3 too vague" → ("M-3", "too vague").</summary>
    public (string First, string Remainder) SplitRest()
    {
        var split = Rest.IndexOfAny([' ', '\t', '\n']);
        return split < 0 ? (Rest, "") : (Rest[..split], Rest[(split + 1)..].Trim());
    }
}
