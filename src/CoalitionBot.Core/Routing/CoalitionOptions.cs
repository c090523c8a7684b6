namespace CoalitionBot.Core.Routing;

/// <summary>Configuration section "Coalition": defaults for the first coalition and coordinators known up front.</summary>
public sealed class CoalitionOptions
{
    public const string Section = "Coalition";

    /// <summary>Name given to the coalition created by the first `setup`.</summary>
    public string Name { get; set; } = "Our coalition";

    /// <summary>E-mail addresses that become coordinators the first time they talk to the bot.</summary>
    public List<string> Coordinators { get; set; } = [];
}
