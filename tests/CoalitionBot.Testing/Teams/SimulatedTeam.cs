namespace CoalitionBot.Testing.Teams;

/// <summary>
/// A team (or group chat) in the simulated tenant: its members in the order Teams pages them, and whether the bot is
/// in it. A team's id is also its General channel's conversation id, as in Teams; other channels are added with
/// <see cref="AddChannel"/>.
/// </summary>
public sealed class SimulatedTeam(string id, string name, bool groupChat)
{
    private readonly List<SimulatedMember> members = [];
    private readonly List<(string Id, string Name)> channels = [];
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

    /// <summary>The team's channels as Teams lists them: General first (its id is the team's, and it has no name), then the others.</summary>
    public IReadOnlyList<(string Id, string? Name)> Channels
    {
        get
        {
            lock (gate)
            {
                return [(Id, null), .. channels.Select(c => (c.Id, (string?)c.Name))];
            }
        }
    }

    /// <summary>A standard channel of the team (every member can post and read); returns its conversation id.</summary>
    public string AddChannel(string channelName)
    {
        var id = "19:" + Guid.NewGuid().ToString("N")[..24] + "@thread.tacv2";
        lock (gate)
        {
            channels.Add((id, channelName));
        }

        return id;
    }

    /// <summary>Whether a conversation id is one of this team's channels, or a thread in one ("…;messageid=…").</summary>
    public bool OwnsConversation(string conversationId)
    {
        var channel = conversationId.Split(';')[0];
        return !GroupChat && Channels.Any(c => c.Id == channel) || GroupChat && channel == Id;
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
