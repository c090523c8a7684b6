namespace CoalitionBot.Teams.Cards;

/// <summary>
/// Keys we put into card action data. Prefixed so that they can never collide with a form field id when Teams
/// merges input values into the same object.
/// </summary>
internal static class CardData
{
    public const string ActionId = "cb.action";
    public const string Value = "cb.value";
    public const string FormId = "cb.form";
    public const string Context = "cb.context";
    public const string FormVerbPrefix = "form:";
    public const string DatePartSuffix = "__date";
    public const string TimePartSuffix = "__time";
}
