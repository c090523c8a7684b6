namespace CoalitionBot.Slack.Rendering;

/// <summary>Block Kit limits from PROTOCOLS.md (Slack's reference): validated by rendering, never exceeded.</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int Id = 255;
    public const int ActionsElements = 25;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int ViewTitle = 24;
    public const int PrivateMetadata = 3000;
    public const int InputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int Label = 2000;
    public const int MessageText = 4000;

    /// <summary>Our own cap on block text per message, well below what triggers msg_blocks_too_long.</summary>
    public const int MessageCharacters = 12000;
}
