namespace CoalitionBot.Core.Messages;

/// <summary>
/// A button: pressing it sends <see cref="ActionId"/> and <see cref="Value"/> back, or opens <see cref="Url"/> when set.
/// <see cref="OpensForm"/> says the answer to pressing it is a form, so a platform that shows forms as dialogs
/// (Teams: task/fetch) opens one instead of replacing the card.
/// </summary>
public sealed record Button(string Label, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default, string? Url = null, bool OpensForm = false);
