using System.Diagnostics;
using System.Globalization;
using CoalitionBot.Documents;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// Compiling N signatories into every format coordinators can download (the list builder, Markdown, HTML, plain
/// text, CSV, DOCX with a 2,000-word memo, and the audit certificate as DOCX and CSV). In-process; each format
/// runs once to warm up, then five times, and the median is reported.
/// </summary>
internal static class CompileLoad
{
    private static readonly string[] Categories = ["International", "National", "Regional", "Local"];
    private static readonly string[] Stems = ["Human Rights", "Peace", "Refugee Aid", "Accountability", "Derechos Humanos", "Société Civile", "Правозащита", "حقوق الإنسان", "人权", "Justice"];

    public static Task RunAsync(int count)
    {
        var signatories = Enumerable.Range(0, count).Select(i => new Signatory(
            (i % 7 == 0 ? "The " : "") + $"{Stems[i % Stems.Length]} Network {i:D5}", null, Categories[i % Categories.Length], "Country " + (i % 40),
            Late: i % 13 == 0, NeedsReconfirmation: i % 17 == 0, $"Person {i}", "Director",
            new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(i), "055d0bb64b09")).ToList();
        var memo = MemoDocument.Parse(string.Join("\n\n", Enumerable.Range(1, 40).Select(p =>
            $"**Point {p}.** " + string.Join(' ', Enumerable.Repeat("We urge you to attach enforceable human rights conditions to military assistance.", 5)))));
        var audit = signatories.Select(s => new AuditEntry(s.DisplayName, AuditAction.Signed, s.SignedAt, s.SignatoryName, s.SignatoryTitle, s.VersionHash,
            "I confirm I am authorised to sign.", null)).ToList();
        var request = new PartnerListRequest("Memo to the Secretary of State", "The Secretary of State", new DateOnly(2026, 11, 28), Categories, "en-GB", signatories);
        var list = PartnerListBuilder.Build(request);

        var runs = new (string Name, Func<object> Run)[]
        {
            ("build (group, collate, dedupe, hash)", () => PartnerListBuilder.Build(request)),
            ("Markdown", () => PartnerListExport.ToMarkdown(list)),
            ("HTML", () => PartnerListExport.ToHtml(list)),
            ("plain text", () => PartnerListExport.ToPlainText(list)),
            ("CSV", () => PartnerListExport.ToCsv(list)),
            ("DOCX (memo + list)", () => PartnerListExport.ToDocx(list, memo)),
            ("audit certificate DOCX", () => AuditCertificate.ToDocx("Memo to the Secretary of State", audit)),
            ("audit certificate CSV", () => AuditCertificate.ToCsv(audit)),
        };

        Console.WriteLine($"(c) compiling {count} signatories into every format (in-process, median of 5 after a warm-up):");
        var total = 0.0;
        foreach (var (name, run) in runs)
        {
            run();
            var times = Enumerable.Range(0, 5).Select(_ =>
            {
                var started = Stopwatch.GetTimestamp();
                run();
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }).Order().ToList();
            total += times[2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-40} {times[2],8:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"all formats",-40} {total,8:F1} ms"));
        return Task.CompletedTask;
    }
}
