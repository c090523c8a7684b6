namespace CoalitionBot.Teams.Cards;

/// <summary>Where a form is shown: inside a card in the conversation (Action.Execute), or in a dialog (task module, Action.Submit).</summary>
internal enum FormHost
{
    Card,
    Dialog,
}
