namespace CoalitionBot.Core.Domain;

/// <summary>The group running memos: its coordinators, partner organisations, ordered categories and defaults.</summary>
public sealed class Coalition
{
    public static readonly IReadOnlyList<string> DefaultCategories = ["International", "National", "Regional", "Local"];

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>Categories in the order the compiled list uses.</summary>
    public List<string> Categories { get; set; } = [.. DefaultCategories];

    /// <summary>Culture for alphabetising the compiled list (an IETF tag such as "en-GB").</summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>The IANA time zone new memos default to.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Local time at which partners' quiet hours begin (default 20:00); reminders wait until they end.</summary>
    public TimeOnly QuietStart { get; set; } = new(20, 0);

    /// <summary>Local time at which quiet hours end (default 08:00); equal to <see cref="QuietStart"/> means no daily quiet time.</summary>
    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    /// <summary>Whether Saturdays and Sundays are quiet (default yes).</summary>
    public bool QuietWeekends { get; set; } = true;

    /// <summary>Default reminder offsets before a deadline, e.g. "3d 1d 3h"; a memo may override them.</summary>
    public string ReminderOffsets { get; set; } = "3d 1d 3h";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Returns the canonical spelling of a category, or null when the coalition has no such category.</summary>
    public string? FindCategory(string? name) =>
        name is null ? null : Categories.FirstOrDefault(c => string.Equals(c, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
