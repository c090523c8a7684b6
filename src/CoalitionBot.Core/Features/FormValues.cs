using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Features;

/// <summary>Reads and validates submitted form fields on the server, collecting one error per field.</summary>
public sealed class FormValues(FormSubmission submission)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public string? Raw(string id) => submission.Fields.TryGetValue(id, out var v) ? v : null;

    /// <summary>The trimmed text of a field; records an error when required and empty, or longer than <paramref name="max"/>.</summary>
    public string Text(string id, string label, bool required, int max)
    {
        var value = (Raw(id) ?? "").Trim();
        if (required && value.Length == 0)
        {
            _errors[id] = $"Please fill in {label.ToLowerInvariant()}.";
        }
        else if (value.Length > max)
        {
            _errors[id] = $"{label} is too long: at most {max:N0} characters (this has {value.Length:N0}).";
        }

        return value;
    }

    public bool Checked(string id) =>
        Raw(id) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("on", StringComparison.OrdinalIgnoreCase) || v == "1");

    public void Error(string id, string message) => _errors[id] = message;
}
