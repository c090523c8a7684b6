namespace CoalitionBot.Core.Routing;

/// <summary>
/// The one rule for who may do what: the pipeline checks a route's <see cref="Permission"/> with it, `help`
/// lists only what it allows, and a handler that allows more to some people (a coordinator signing for a
/// partner) asks it too, so a refusal reads the same everywhere.
/// </summary>
public static class PermissionRules
{
    public static bool Allows(this Permission permission, RequestContext context) => permission switch
    {
        Permission.Anyone => true,
        Permission.Member => context.Me is not null,
        Permission.Coordinator => context.IsCoordinator,
        _ => false,
    };

    /// <summary>Why the person may not <paramref name="action"/> ("use `partners add`"), or null when they may.</summary>
    public static string? Refusal(this Permission permission, RequestContext context, string action) => permission switch
    {
        _ when permission.Allows(context) => null,
        _ when context.Coalition is null => context.NoCoalition,
        Permission.Member => "I don't know you yet, so I can't do that. Ask a coordinator to add you to the partner directory (they type `partners contact …`).",
        _ => $"Only coordinators can {action}. Type `coordinators` to see who they are.",
    };

    /// <summary>Throws the <see cref="Refusal"/> (nothing is saved) unless the person may <paramref name="action"/>.</summary>
    public static void Demand(this Permission permission, RequestContext context, string action)
    {
        if (permission.Refusal(context, action) is { } refusal)
        {
            throw new RefusalException(refusal);
        }
    }
}
