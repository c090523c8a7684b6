using CoalitionBot.Core.Replies;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// One route, as data: what it answers (<see cref="Kind"/> and <see cref="Key"/>: a command word, an action id
/// or a form id), who may use it, its help text, and the handler.
/// </summary>
public sealed record Route(
    RouteKind Kind,
    string Key,
    Permission Permission,
    string Usage,
    string Help,
    Func<RequestContext, CancellationToken, Task<Reply>> Handler)
{
    public static Route Command(string word, Permission permission, string usage, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Command, word, permission, usage, help, handler);

    public static Route Action(string actionId, Permission permission, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Action, actionId, permission, actionId, help, handler);

    public static Route Form(string formId, Permission permission, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Form, formId, permission, formId, help, handler);
}
