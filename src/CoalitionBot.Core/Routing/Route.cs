using CoalitionBot.Core.Replies;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// One route, as data: what it answers (<see cref="Kind"/> and <see cref="Key"/>: a command word, a command
/// word and its subcommand such as "partners add", an action id or a form id), who may use it, its help text,
/// its <see cref="Rank"/> in help (lower first; a subcommand is ordered among its command's subcommands),
/// and the handler.
/// </summary>
public sealed record Route(
    RouteKind Kind,
    string Key,
    Permission Permission,
    string Usage,
    string Help,
    Func<RequestContext, CancellationToken, Task<Reply>> Handler)
{
    /// <summary>Where help lists the command: lower first. Actions and forms are not listed.</summary>
    public int Rank { get; init; }

    /// <summary>Other keys that reach this route ("partners contact" for "partners link"); never listed in help.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The command word of a subcommand route ("partners" for "partners add"), or null for a command of its own.</summary>
    public string? Parent => Kind == RouteKind.Command && Key.IndexOf(' ') is var space and > 0 ? Key[..space] : null;

    /// <param name="word">The command word, or the command word and the subcommand ("partners add").</param>
    public static Route Command(int rank, string word, Permission permission, string usage, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Command, word, permission, usage, help, handler) { Rank = rank };

    public static Route Action(string actionId, Permission permission, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Action, actionId, permission, actionId, help, handler);

    public static Route Form(string formId, Permission permission, string help, Func<RequestContext, CancellationToken, Task<Reply>> handler) =>
        new(RouteKind.Form, formId, permission, formId, help, handler);
}
