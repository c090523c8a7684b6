using System.Text.Json;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// Replays the memo's sign-on audit trail day by day, in the memo's time zone: each signer's latest answer by the
/// end of the day, and a signature older than a substantive version published by then needs re-confirmation.
/// Declined includes withdrawn. Signers are told apart by the audit subject ("M-1 / name").
/// </summary>
public sealed class ProgressQuery(IDataSession data, TimeProvider clock)
{
    /// <summary>At most this many days are drawn (the last ones), so a memo left open for years still draws quickly.</summary>
    public const int MaxDays = 120;

    private sealed record Change(string Subject, string? After, DateTimeOffset At);

    public async Task<MemoProgress?> LoadAsync(Guid coalitionId, string code, CancellationToken ct)
    {
        if (!MemoCode.TryParse(code, out var number)
            || await data.FirstOrDefaultAsync(data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct) is not { } memo)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var expected = memo.Mode == SignOnMode.Individuals
            ? await data.CountAsync(data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct)
            : await data.CountAsync(data.Organisations.Where(o => o.CoalitionId == coalitionId), ct);
        var changes = await data.ListAsync(data.AuditEvents.Where(a => a.MemoId == memo.Id && a.Action.StartsWith("signon."))
            .OrderBy(a => a.At).Select(a => new Change(a.Subject, a.After, a.At)), ct);
        var opened = await data.FirstOrDefaultAsync(data.AuditEvents.Where(a => a.MemoId == memo.Id && a.Action == "memo.opened").OrderBy(a => a.At).Select(a => (DateTimeOffset?)a.At), ct);
        var versions = await data.ListAsync(data.Versions.Where(v => v.MemoId == memo.Id).OrderBy(v => v.Number), ct);

        var zone = TimeZones.Find(memo.TimeZone);
        DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        DateTimeOffset EndOf(DateOnly day) => TimeZones.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), memo.TimeZone);

        var first = DayOf(opened ?? memo.CreatedAt);
        var last = new[] { DayOf(now), memo.Deadline is { } d ? DayOf(d) : DayOf(now) }.Max();
        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
        }

        var substantive = versions.Where(v => v.Substantive && v.Number > 1).Select(v => v.CreatedAt).ToList();
        var days = new List<ProgressDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var asOf = EndOf(day) < now ? EndOf(day) : now;
            if (DayOf(now) < day)
            {
                days.Add(new ProgressDay(day, null, null, null, null));
                continue;
            }

            var latest = changes.Where(c => c.At <= asOf).GroupBy(c => c.Subject).Select(g => g.Last()).ToList();
            int signed = 0, declined = 0, reconfirm = 0;
            foreach (var change in latest)
            {
                switch (StateOf(change.After))
                {
                    case nameof(SignOnState.Signed) when substantive.Any(v => v > change.At && v <= asOf):
                        reconfirm++;
                        break;
                    case nameof(SignOnState.Signed):
                        signed++;
                        break;
                    case nameof(SignOnState.Declined) or nameof(SignOnState.Withdrawn):
                        declined++;
                        break;
                }
            }

            days.Add(new ProgressDay(day, signed, declined, Math.Max(0, expected - signed - declined - reconfirm), reconfirm));
        }

        var markers = versions.Where(v => DayOf(v.CreatedAt) >= first).Select(v => new ProgressMarker(DayOf(v.CreatedAt), $"version {v.Number}")).ToList();
        if (memo.Deadline is { } deadline)
        {
            markers.Add(new ProgressMarker(DayOf(deadline), "deadline"));
        }

        return new MemoProgress(days, markers);
    }

    private static string? StateOf(string? after)
    {
        if (after is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(after);
        return json.RootElement.TryGetProperty("State", out var state) ? state.GetString() : null;
    }
}
