using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach;

/// <summary>How many people a circulation reached by each route, and who it could not reach and why.</summary>
public sealed class RouteCount
{
    private readonly Dictionary<Platform, int> _byPlatform = [];

    public List<string> Unreachable { get; } = [];

    /// <summary>Contacts a platform asked to look up later (Slack's rate limit): not unreachable, not sent yet.</summary>
    public List<string> Waiting { get; } = [];

    public int Reached => _byPlatform.Values.Sum();

    public void Add(Platform platform) => _byPlatform[platform] = _byPlatform.GetValueOrDefault(platform) + 1;

    /// <summary>"76 reached: 30 Slack DM, 20 Teams chat, 26 e-mail".</summary>
    public string Describe() =>
        $"{Reached} reached" + (Reached == 0 ? "" : ": " + string.Join(", ", _byPlatform.OrderBy(p => Order(p.Key)).Select(p => $"{p.Value} {ContactRoutes.Name(p.Key)}")));

    private static int Order(Platform platform) => platform switch
    {
        Platform.Slack => 0,
        Platform.Teams => 1,
        Platform.Email => 2,
        _ => 3,
    };
}
