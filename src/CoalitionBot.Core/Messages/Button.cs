namespace CoalitionBot.Core.Messages;

/// <summary>A button: pressing it sends <see cref="ActionId"/> and <see cref="Value"/> back, or opens <see cref="Url"/> when set.</summary>
public sealed record Button(string Label, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default, string? Url = null);
