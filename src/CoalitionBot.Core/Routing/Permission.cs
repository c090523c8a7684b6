namespace CoalitionBot.Core.Routing;

/// <summary>Who may use a route. Checked by the pipeline before any handler runs.</summary>
public enum Permission
{
    /// <summary>Anyone, even a person the bot does not know yet.</summary>
    Anyone,

    /// <summary>A known contact of the coalition (partner contact or coordinator).</summary>
    Member,

    /// <summary>A coordinator of the coalition.</summary>
    Coordinator,
}
