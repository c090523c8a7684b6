using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Matches inbound content to a route. Routes are data collected from every <see cref="IFeature"/>. A typed
/// command matches its subcommand route ("partners add …") when there is one, else the command's own route.
/// </summary>
public sealed class Router
{
    private readonly Dictionary<(RouteKind, string), Route> _routes = new();
    private readonly List<Route> _all = [];

    public Router(IEnumerable<IFeature> features)
    {
        foreach (var route in features.SelectMany(f => f.Routes))
        {
            _all.Add(route);
            foreach (var key in route.Aliases.Prepend(route.Key))
            {
                if (!_routes.TryAdd((route.Kind, key.ToLowerInvariant()), route))
                {
                    throw new InvalidOperationException($"Two routes answer {route.Kind} '{key}'.");
                }
            }
        }

        if (_all.FirstOrDefault(r => r.Parent is { } parent && Find(RouteKind.Command, parent) is null) is { } orphan)
        {
            throw new InvalidOperationException($"The subcommand '{orphan.Key}' has no route for '{orphan.Parent}'.");
        }
    }

    public IEnumerable<Route> Routes => _all;

    /// <summary>Every command route, subcommands included, in help order.</summary>
    public IEnumerable<Route> Commands => _all.Where(r => r.Kind == RouteKind.Command).OrderBy(r => r.Rank);

    /// <summary>The commands of their own (no subcommands), in help order.</summary>
    public IEnumerable<Route> TopCommands => Commands.Where(r => r.Parent is null);

    /// <summary>The subcommands of a command, in help order.</summary>
    public IEnumerable<Route> SubcommandsOf(Route command) => Commands.Where(r => r.Parent == command.Key);

    public Route? Find(RouteKind kind, string key) =>
        _routes.GetValueOrDefault((kind, key.ToLowerInvariant()));

    public Route? Match(InboundContent content) => content switch
    {
        CommandText c => MatchCommand(CommandLine.Parse(c.Text)),
        ButtonAction a => Find(RouteKind.Action, a.ActionId),
        FormSubmission f => Find(RouteKind.Form, f.FormId),
        _ => null,
    };

    private Route? MatchCommand(CommandLine line)
    {
        var sub = line.SplitRest().First;
        return (sub.Length > 0 ? Find(RouteKind.Command, line.Word + " " + sub) : null) ?? Find(RouteKind.Command, line.Word);
    }
}
