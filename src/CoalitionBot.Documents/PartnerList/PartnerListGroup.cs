namespace CoalitionBot.Documents;

/// <summary>One category's organisations in collation order; <paramref name="Category"/> is null for uncategorised ones.</summary>
public sealed record PartnerListGroup(string? Category, IReadOnlyList<PartnerListEntry> Entries);
