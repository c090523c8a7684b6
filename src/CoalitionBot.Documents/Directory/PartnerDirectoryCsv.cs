using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace CoalitionBot.Documents;

/// <summary>Reads and writes the partner directory CSV: one row per contact; an organisation may span rows.</summary>
public static partial class PartnerDirectoryCsv
{
    /// <summary>The columns, in export order. Import requires <see cref="RequiredColumns"/>, in any order; the others are optional.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["organisation", "sort_name", "category", "country", "aliases", "contact_name", "contact_email", "signer", "slack_id", "teams_id", "channel"];

    /// <summary>
    /// The column every import must have. The others may be left out: a coalition's own list of organisations, names and
    /// e-mail addresses imports as it is (a sort name is derived, chat identities are found by e-mail).
    /// </summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["organisation"];

    /// <summary>Headings people's own spreadsheets use for our columns (compared without case, spaces, "-" and "_").</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["organization"] = "organisation", ["org"] = "organisation", ["organisationname"] = "organisation", ["organizationname"] = "organisation",
        ["name"] = "contact_name", ["contact"] = "contact_name", ["person"] = "contact_name", ["contactname"] = "contact_name",
        ["email"] = "contact_email", ["mail"] = "contact_email", ["emailaddress"] = "contact_email", ["contactemail"] = "contact_email",
        ["sortname"] = "sort_name", ["slackid"] = "slack_id", ["teamsid"] = "teams_id",
    };

    /// <summary>The values of the channel column: how a contact prefers to be reached.</summary>
    public static readonly IReadOnlyList<string> Channels = ["slack", "teams", "email"];

    /// <summary>Separates an organisation's other names in the aliases column.</summary>
    public const char AliasSeparator = ';';

    /// <summary>
    /// Parses and validates a directory CSV. Every problem is reported with its line number; if there is any,
    /// no organisation is returned, so a half-imported directory can never replace a good one.
    /// </summary>
    public static DirectoryImportResult Parse(string csvText, DirectoryImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        options ??= new DirectoryImportOptions();
        var issues = new List<DirectoryIssue>();
        if (Encoding.UTF8.GetByteCount(csvText) > options.MaxBytes)
        {
            return Fail(new DirectoryIssue(1, null, $"The file is larger than {options.MaxBytes / 1024} KB."));
        }

        using var reader = CsvReader.FromText(csvText.TrimStart('\uFEFF'), new CsvReaderOptions { TrackLineNumbers = true });
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = reader.Headers.Select(Heading).ToList();
        foreach (var column in Columns)
        {
            var at = header.IndexOf(column);
            if (at < 0 && RequiredColumns.Contains(column))
            {
                issues.Add(new DirectoryIssue(1, column, "missing column"));
            }

            index[column] = at;
        }

        if (issues.Count > 0)
        {
            return Fail([.. issues]);
        }

        var rows = new List<DirectoryRow>();
        while (reader.Read())
        {
            string Cell(string column) => index[column] >= 0 && index[column] < reader.FieldCount
                ? WithoutControls(CsvSafety.Restore(reader.GetString(index[column]) ?? string.Empty)).Trim()
                : string.Empty;
            var row = new DirectoryRow((int)reader.LineNumber, Cell("organisation"), Cell("sort_name"), Cell("category"), Cell("country"),
                Cell("contact_name"), Cell("contact_email"), Cell("slack_id"), Cell("teams_id"), Cell("aliases"), Cell("signer"),
                Cell("channel").ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
            Validate(row, options, issues);
            rows.Add(row);
        }

        var organisations = Assemble(rows, issues);
        return issues.Count > 0 ? Fail([.. issues.OrderBy(i => i.Line)]) : new DirectoryImportResult(organisations, []);
    }

    /// <summary>Writes organisations as CSV (one row per contact, one bare row for an organisation without contacts), injection-safe.</summary>
    public static string Write(IEnumerable<DirectoryOrganisation> organisations) =>
        CsvText.Write(Columns, organisations.SelectMany(o => (o.Contacts.Count == 0 ? [new DirectoryContact(string.Empty, null, null, null)] : o.Contacts)
            .Select(c => (IReadOnlyList<string?>)[o.Name, o.SortName, o.Category, o.Country, string.Join(AliasSeparator + " ", o.Aliases ?? []),
                c.Name, c.Email, c.Name.Length == 0 ? null : c.IsSigner ? "yes" : "no", c.SlackId, c.TeamsId, c.Channel])));

    private static DirectoryImportResult Fail(params DirectoryIssue[] issues) => new([], issues);

    /// <summary>A heading as our column name: ours as written, or a common synonym ("Email", "E-mail", "Organization", "Name").</summary>
    private static string Heading(string heading)
    {
        var text = heading.Trim().ToLowerInvariant();
        if (Columns.Contains(text))
        {
            return text;
        }

        var bare = string.Concat(text.Where(c => c is not (' ' or '-' or '_')));
        return Synonyms.GetValueOrDefault(bare, text);
    }

    private static void Validate(DirectoryRow row, DirectoryImportOptions options, List<DirectoryIssue> issues)
    {
        if (row.Organisation.Length == 0)
        {
            issues.Add(new DirectoryIssue(row.Line, "organisation", "missing organisation name"));
        }

        TooLong(row.Line, "organisation", row.Organisation, DirectoryLimits.NameMax, issues);
        TooLong(row.Line, "sort_name", row.SortName, DirectoryLimits.NameMax, issues);
        TooLong(row.Line, "country", row.Country, DirectoryLimits.CountryMax, issues);
        TooLong(row.Line, "contact_name", row.ContactName, DirectoryLimits.NameMax, issues);
        TooLong(row.Line, "contact_email", row.ContactEmail, DirectoryLimits.EmailMax, issues);
        var aliases = SplitAliases(row.Aliases);
        foreach (var alias in aliases)
        {
            TooLong(row.Line, "aliases", alias, DirectoryLimits.NameMax, issues);
        }

        if (aliases.Count > DirectoryLimits.AliasesMax)
        {
            issues.Add(new DirectoryIssue(row.Line, "aliases", $"{aliases.Count} aliases; at most {DirectoryLimits.AliasesMax}"));
        }

        if (Signer(row.Signer) is null)
        {
            issues.Add(new DirectoryIssue(row.Line, "signer", $"\"{row.Signer}\" is not yes or no"));
        }

        var hasContact = row.ContactEmail.Length > 0 || row.SlackId.Length > 0 || row.TeamsId.Length > 0;
        if (hasContact && row.ContactName.Length == 0)
        {
            issues.Add(new DirectoryIssue(row.Line, "contact_name", "missing contact name"));
        }

        if (row.ContactEmail.Length > 0 && !IsEmail(row.ContactEmail))
        {
            issues.Add(new DirectoryIssue(row.Line, "contact_email", $"bad e-mail address \"{row.ContactEmail}\""));
        }

        if (row.SlackId.Length > 0 && !SlackIdPattern().IsMatch(row.SlackId))
        {
            issues.Add(new DirectoryIssue(row.Line, "slack_id", $"\"{row.SlackId}\" is not a Slack user id (like U0123ABCD)"));
        }

        if (row.TeamsId.Length > 0 && !Guid.TryParse(row.TeamsId, out _))
        {
            issues.Add(new DirectoryIssue(row.Line, "teams_id", $"\"{row.TeamsId}\" is not a Teams (Entra) object id, which is a GUID"));
        }

        if (row.Channel.Length > 0 && !Channels.Contains(row.Channel))
        {
            issues.Add(new DirectoryIssue(row.Line, "channel", $"\"{row.Channel}\" is not a channel; use slack, teams, email or leave it blank"));
        }

        if (row.Category.Length > 0 && options.AllowedCategories is { } allowed
            && !allowed.Any(a => string.Equals(a, row.Category, StringComparison.OrdinalIgnoreCase)))
        {
            issues.Add(new DirectoryIssue(row.Line, "category", $"unknown category \"{row.Category}\"; allowed: {string.Join(", ", allowed)}"));
        }
    }

    // Rows of one organisation are matched by name ignoring case; a blank field inherits, a different value conflicts.
    private static List<DirectoryOrganisation> Assemble(List<DirectoryRow> rows, List<DirectoryIssue> issues)
    {
        var result = new List<DirectoryOrganisation>();
        foreach (var group in rows.Where(r => r.Organisation.Length > 0).GroupBy(r => r.Organisation.ToUpperInvariant()))
        {
            var first = group.First();
            string? Agreed(string column, Func<DirectoryRow, string> field)
            {
                var source = group.FirstOrDefault(r => field(r).Length > 0);
                foreach (var row in group.Where(r => field(r).Length > 0 && !string.Equals(field(r), field(source!), StringComparison.Ordinal)))
                {
                    issues.Add(new DirectoryIssue(row.Line, column,
                        $"\"{field(row)}\" conflicts with \"{field(source!)}\" given for {first.Organisation} on line {source!.Line}"));
                }

                return source is null ? null : field(source);
            }

            var sortName = Agreed("sort_name", r => r.SortName);
            var category = Agreed("category", r => r.Category);
            var country = Agreed("country", r => r.Country);
            var contacts = group.Where(r => r.ContactName.Length > 0)
                .Select(r => new DirectoryContact(r.ContactName, Blank(r.ContactEmail), Blank(r.SlackId), Blank(r.TeamsId), Signer(r.Signer) ?? true, Blank(r.Channel)))
                .ToList();
            var aliases = group.SelectMany(r => SplitAliases(r.Aliases))
                .Where(a => !string.Equals(a, first.Organisation, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            result.Add(new DirectoryOrganisation(first.Organisation, sortName ?? SortNames.Derive(first.Organisation), category, country, contacts, aliases));
        }

        return result;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static void TooLong(int line, string column, string value, int max, List<DirectoryIssue> issues)
    {
        if (value.Length > max)
        {
            issues.Add(new DirectoryIssue(line, column, $"{value.Length:N0} characters; at most {max:N0}"));
        }
    }

    private static List<string> SplitAliases(string cell) =>
        cell.Split(AliasSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    // Blank means yes: a contact is an authorised signer unless the directory says otherwise.
    private static bool? Signer(string cell) => cell.ToLowerInvariant() switch
    {
        "" or "yes" or "y" or "true" or "1" => true,
        "no" or "n" or "false" or "0" => false,
        _ => null,
    };

    /// <summary>Control characters (ESC, BEL, NUL, …) never belong in a stored name; line breaks inside a cell become spaces; unmatched bidi controls go too.</summary>
    private static string WithoutControls(string value) => BidiText.Balance(ControlText.Strip(value, keepLineBreaks: false));

    private static bool IsEmail(string value) =>
        EmailPattern().IsMatch(value) && MailAddress.TryCreate(value, out var address) && address.Address == value;

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[UW][A-Z0-9]{6,}$")]
    private static partial Regex SlackIdPattern();

    private sealed record DirectoryRow(
        int Line, string Organisation, string SortName, string Category, string Country,
        string ContactName, string ContactEmail, string SlackId, string TeamsId, string Aliases, string Signer, string Channel);
}
