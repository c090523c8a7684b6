using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Features;

/// <summary>Who an answer is for: its signer key, organisation, name and category, and whether a coordinator records it on their behalf.</summary>
internal sealed record Signer(string Key, Guid? OrganisationId, string Name, string? Category, bool OnBehalf)
{
    public string Context(Memo memo) => OnBehalf ? $"{memo.Code}|{OrganisationId}" : memo.Code;
}
