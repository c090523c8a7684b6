namespace CoalitionBot.Core.Routing;

/// <summary>What a route answers: a typed command, a button, or a form submission.</summary>
public enum RouteKind
{
    Command,
    Action,
    Form,
}
