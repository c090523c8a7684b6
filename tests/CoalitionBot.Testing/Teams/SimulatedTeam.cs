namespace CoalitionBot.Testing.Teams;

/// <summary>
/// A team (or group chat) in the simulated tenant: its members in the order Teams pages them, and whether the bot is
/// in it. A team's id is also its General channel's conversation id, as in Teams.
/// </summary>
public sealed class SimulatedTeam(string id, string name, bool groupChat)
{
    private readonly List<SimulatedMember> members = [];
    private readonly Lock gate = new();

    public string Id { get; } = id;

    public string Name { get; } = name;

    public bool GroupChat { get; } = groupChat;

    public bool BotInstalled { get; internal set; }

    public IReadOnlyList<SimulatedMember> Members
    {
        get
        {
            lock (gate)
            {
                return [.. members];
            }
        }
    }

    public bool Has(string memberId)
    {
        lock (gate)
        {
            return members.Any(m => m.Id == memberId || m.AadObjectId == memberId);
        }
    }

    internal void Add(SimulatedMember member)
    {
        lock (gate)
        {
            members.Add(member);
        }
    }

    internal void Remove(SimulatedMember member)
    {
        lock (gate)
        {
            members.RemoveAll(m => m.Id == member.Id);
        }
    }
}
