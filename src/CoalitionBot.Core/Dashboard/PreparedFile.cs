using System.Globalization;

namespace CoalitionBot.Core.Dashboard;

/// <summary>One file of a compile answer after <see cref="FilePreparation"/>: its size, or why it could not be made.</summary>
public sealed record PreparedFile(string Label, long? Bytes, string? Problem)
{
    /// <summary>"CSV 2 KB", or "Word: memo + list (it could not be made)".</summary>
    public string Describe() => Problem is { } problem ? $"{Label} ({problem})" : $"{Label} {Size(Bytes ?? 0)}";

    private static string Size(long bytes) => bytes < 1024
        ? bytes.ToString(CultureInfo.InvariantCulture) + " bytes"
        : bytes < 1024 * 1024
            ? Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.InvariantCulture) + " KB"
            : (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
