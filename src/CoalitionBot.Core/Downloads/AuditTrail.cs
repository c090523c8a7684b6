using System.Text.Json;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Downloads;

/// <summary>Reads a memo's sign-on audit events as <see cref="AuditEntry"/> rows for the audit certificate.</summary>
public static class AuditTrail
{
    /// <summary>The certificate's heading facts: the memo's title and zone, and (once final) the list's hash, when and by whom.</summary>
    public static async Task<AuditMemo> MemoAsync(IDataSession data, Memo memo, CancellationToken ct)
    {
        var finalised = memo.FinalListHash is null ? null
            : await data.FirstOrDefaultAsync(data.AuditEvents.Where(e => e.MemoId == memo.Id && e.Action == "memo.finalised").OrderByDescending(e => e.At), ct);
        var by = finalised?.ActorId is { } id ? await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == id), ct) : null;
        return new AuditMemo(memo.Title, memo.TimeZone, memo.FinalListHash, finalised?.At,
            finalised is null ? null : Routing.AuditVia.Describe(by?.Name, finalised.Via));
    }

    public static async Task<List<AuditEntry>> ForMemoAsync(IDataSession data, Memo memo, CancellationToken ct)
    {
        var events = await data.ListAsync(data.AuditEvents.Where(e => e.MemoId == memo.Id && e.Action.StartsWith("signon.")).OrderBy(e => e.Id), ct);
        var actorIds = events.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var actors = (await data.ListAsync(data.Contacts.Where(c => actorIds.Contains(c.Id)), ct)).ToDictionary(c => c.Id, c => c.Name);
        var entries = new List<AuditEntry>();
        foreach (var e in events)
        {
            var before = Read(e.Before);
            var after = Read(e.After);
            var organisation = e.Subject.Split(" / ", 2) is [_, var name] ? name : after.Text("DisplayName") ?? e.Subject;
            var actor = Routing.AuditVia.Describe(e.ActorId is { } id ? actors.GetValueOrDefault(id) : null, e.Via);
            var entry = e.Action switch
            {
                "signon.signed" => Signed(AuditAction.Signed),
                "signon.signed.updated" when before.Text("State") != "Signed" => Signed(AuditAction.Signed),
                "signon.signed.updated" when before.Flag("NeedsReconfirmation") && !after.Flag("NeedsReconfirmation") => Signed(AuditAction.Reconfirmed),
                "signon.signed.updated" => Signed(AuditAction.Changed) with { Detail = Changes(before, after) },
                "signon.merged" => Merged(organisation, e.At, before, after, actor),
                "signon.approved" => new AuditEntry(organisation, AuditAction.Changed, e.At, null, null, null, null, "late sign-on approved for the list", actor),
                _ when e.Action.StartsWith("signon.withdrawn", StringComparison.Ordinal) =>
                    new AuditEntry(organisation, AuditAction.Withdrawn, e.At, null, null, null, null, after.Text("Reason"), actor),
                _ when e.Action.StartsWith("signon.declined", StringComparison.Ordinal) =>
                    new AuditEntry(organisation, AuditAction.Declined, e.At, null, null, null, null, after.Text("Reason"), actor),
                _ => null,
            };
            if (entry is not null)
            {
                entries.Add(entry with { Via = Via(e) });
            }

            AuditEntry Signed(AuditAction action) => new(organisation, action, e.At, after.Text("SignatoryName"), after.Text("SignatoryTitle"),
                after.Text("VersionHash"), after.Flag("Attested") ? Attestation(organisation, after.Flag("OnBehalf"), memo.Mode) : null,
                after.Flag("Late") ? "late" : null, actor, DisplayName: after.Text("DisplayName"));
        }

        return MergedInto(entries);
    }

    // A duplicate's answer moved to (or was folded into) the organisation kept: the row belongs to the kept one's thread.
    private static AuditEntry Merged(string duplicate, DateTimeOffset at, Snapshot before, Snapshot after, string actor)
    {
        var keep = after.Text("Organisation") ?? after.Text("KeptFor") ?? duplicate;
        var detail = after.Flag("Dropped")
            ? $"“{duplicate}” was a duplicate of this organisation in the directory; its answer (signed as “{before.Text("DisplayName")}”) was the same, so it was folded into this one's"
            : $"“{duplicate}” was a duplicate of this organisation in the directory; it was merged into this one, and its sign-on with it";
        return new AuditEntry(keep, AuditAction.Merged, at, null, null, null, null, detail, actor, MergedFrom: duplicate);
    }

    // Every row of a merged duplicate, before and after the merge, is told under the organisation kept (merges may chain).
    private static List<AuditEntry> MergedInto(List<AuditEntry> entries)
    {
        var keptFor = entries.Where(e => e.Action == AuditAction.Merged && e.MergedFrom is not null && e.MergedFrom != e.Organisation)
            .GroupBy(e => e.MergedFrom!).ToDictionary(g => g.Key, g => g.Last().Organisation, StringComparer.Ordinal);
        string Kept(string name)
        {
            for (var hops = 0; hops < 20 && keptFor.TryGetValue(name, out var next); hops++)
            {
                name = next;
            }

            return name;
        }

        return keptFor.Count == 0 ? entries : entries.Select(e => e with { Organisation = Kept(e.Organisation) }).ToList();
    }

    // "e-mail link, IP 203.0.113.7, Mozilla/5.0 …": the time is the entry's own.
    // Chat platforms vouch for who pressed; only the web page's answers carry where they came from.
    private static string? Via(AuditEvent e) => e.Via is null || (e.IpAddress is null && e.UserAgent is null) ? null
        : string.Join(", ", new[] { e.Via, e.IpAddress is null ? null : "IP " + e.IpAddress, e.UserAgent }.Where(p => !string.IsNullOrWhiteSpace(p)));

    // The wording the sign-on form showed with its checkbox (SignOnFeature).
    private static string Attestation(string organisation, bool onBehalf, SignOnMode mode) => mode == SignOnMode.Individuals
        ? "I confirm I am signing this memo in my own name."
        : onBehalf ? $"I confirm {organisation} authorised this sign-on." : $"I confirm I am authorised to sign this memo on behalf of {organisation}.";

    private static string? Changes(Snapshot before, Snapshot after)
    {
        var changed = new[] { "DisplayName", "SignatoryName", "SignatoryTitle", "Category", "VersionHash" }
            .Where(k => before.Text(k) != after.Text(k))
            .Select(k => $"{k}: \"{before.Text(k)}\" → \"{after.Text(k)}\"").ToList();
        return changed.Count == 0 ? "answer confirmed again" : string.Join("; ", changed);
    }

    private static Snapshot Read(string? json)
    {
        if (json is null)
        {
            return new Snapshot(null);
        }

        try
        {
            return new Snapshot(JsonDocument.Parse(json).RootElement);
        }
        catch (JsonException)
        {
            return new Snapshot(null);
        }
    }

    private readonly record struct Snapshot(JsonElement? Root)
    {
        public string? Text(string name) =>
            Root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public bool Flag(string name) =>
            Root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
    }
}
