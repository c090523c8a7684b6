using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Routing;

/// <summary>Matches inbound content to a route. Routes are data collected from every <see cref="IFeature"/>.</summary>
public sealed class Router
{
    private readonly Dictionary<(RouteKind, string), Route> _routes = new();

    public Router(IEnumerable<IFeature> features)
    {
        foreach (var route in features.SelectMany(f => f.Routes))
        {
            if (!_routes.TryAdd((route.Kind, route.Key.ToLowerInvariant()), route))
            {
                throw new InvalidOperationException($"Two routes answer {route.Kind} '{route.Key}'.");
            }
        }
    }

    public IEnumerable<Route> Routes => _routes.Values;

    public IEnumerable<Route> Commands => _routes.Values.Where(r => r.Kind == RouteKind.Command);

    public Route? Find(RouteKind kind, string key) =>
        _routes.GetValueOrDefault((kind, key.ToLowerInvariant()));

    public Route? Match(InboundContent content) => content switch
    {
        CommandText c => Find(RouteKind.Command, CommandLine.Parse(c.Text).Word),
        ButtonAction a => Find(RouteKind.Action, a.ActionId),
        FormSubmission f => Find(RouteKind.Form, f.FormId),
        _ => null,
    };
}
