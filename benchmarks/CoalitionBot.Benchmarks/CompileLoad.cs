using System.Diagnostics;
using System.Globalization;
using CoalitionBot.Documents;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// Compiling N signatories into every format coordinators can download (the list builder, Markdown, HTML, plain
/// text, CSV, DOCX with a 2,000-word memo, and the audit certificate as DOCX and CSV). In-process.
/// </summary>
internal static class CompileLoad
{
    private const int Rounds = 7;
    private const long NoGcBytes = 240L * 1024 * 1024;
    private static readonly string[] Categories = ["International", "National", "Regional", "Local"];
    private static readonly string[] Stems = ["Human Rights", "Peace", "Refugee Aid", "Accountability", "Derechos Humanos", "Société Civile", "Правозащита", "حقوق الإنسان", "人权", "Justice"];

    /// <summary>Each format once to warm up, then five times; prints the medians.</summary>
    public static Task RunAsync(int count)
    {
        Console.WriteLine($"(c) compiling {count} signatories into every format (in-process, median of 5 after a warm-up):");
        var total = 0.0;
        foreach (var (name, run) in Formats(count))
        {
            run();
            var times = Enumerable.Range(0, 5).Select(_ => Time(run, 1).Wall).Order().ToList();
            total += times[2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-40} {times[2],8:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"all formats",-40} {total,8:F1} ms"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// P4: every format at 5,000 and at 50,000 signatories, in one process, each format timed on its own. The
    /// sizes alternate round by round; the 5,000 side compiles ten different 5,000-name lists in a row (each made
    /// like the 50,000 one, with its own signatories), so both sides do the same work over as much data: ten runs
    /// over one list would find that list's 1.5 MB still in the core's cache from the run before, which a
    /// compile from the store never does and the 50,000 run cannot. Each side keeps its cheapest round. The target
    /// is checked on the process's CPU time (<see cref="CpuClock"/>), which other processes' load does not inflate;
    /// printed beside it: the ratio against one list run ten times (the measure before 2026-12-02), the wall time,
    /// and the CPU time inside a no-GC region where the runtime allows one. Target: ≤ 11× (linear is 10×).
    /// </summary>
    public static Task ScalingAsync(int small = 5000, int large = 50000)
    {
        var repeat = Math.Max(1, large / small);
        var smallLists = Enumerable.Range(0, repeat).Select(_ => Formats(small)).ToArray();
        var largeRuns = Formats(large);
        Console.WriteLine($"(c) compile scaling, {large} against {small} signatories (fastest of {Rounds} alternating rounds; per round {repeat} different {small}-name lists, then the {large}):");
        for (var f = 0; f < largeRuns.Length; f++)
        {
            var (name, runLarge) = largeRuns[f];
            var runs = smallLists.Select(l => l[f].Run).ToArray();
            var runSmall = runs[0];
            object RunEach()
            {
                foreach (var run in runs)
                {
                    GC.KeepAlive(run());
                }

                return runs;
            }

            RunEach();
            runLarge();
            (double Wall, double Cpu) small1 = (double.MaxValue, double.MaxValue), large1 = (double.MaxValue, double.MaxValue);
            var sameList = double.MaxValue;
            for (var round = 0; round < Rounds; round++)
            {
                var s = Time(RunEach, 1);
                var l = Time(runLarge, 1);
                sameList = Math.Min(sameList, Time(runSmall, repeat).Cpu / repeat);
                small1 = (Math.Min(small1.Wall, s.Wall / repeat), Math.Min(small1.Cpu, s.Cpu / repeat));
                large1 = (Math.Min(large1.Wall, l.Wall), Math.Min(large1.Cpu, l.Cpu));
            }

            var pureSmall = Enumerable.Range(0, Rounds).Min(_ => WithoutGc(runSmall, repeat) / repeat);
            var pureLarge = Enumerable.Range(0, Rounds).Min(_ => WithoutGc(runLarge, 1));
            var pure = double.IsNaN(pureSmall) || double.IsNaN(pureLarge) ? "no-GC region too small" : string.Create(CultureInfo.InvariantCulture, $"{pureLarge / pureSmall:F1}× ({pureSmall:F1} → {pureLarge:F0} ms)");
            var ratio = large1.Cpu / small1.Cpu;
            var measured = string.Create(CultureInfo.InvariantCulture, $"{ratio:F1}× CPU ({small1.Cpu:F1} → {large1.Cpu:F0} ms)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {name,-40} {measured}; one list ×{repeat} {large1.Cpu / sameList:F1}× ({sameList:F1} ms); wall {large1.Wall / small1.Wall:F1}× ({small1.Wall:F1} → {large1.Wall:F0} ms); CPU without GC {pure}"));
            BenchTargets.Check("P4 " + name, $"{large:N0} ≤ 11× {small:N0}", measured, ratio <= 11);
        }

        return Task.CompletedTask;
    }

    private static (double Wall, double Cpu) Time(Func<object> run, int times)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = CpuClock.NowMs();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++)
        {
            GC.KeepAlive(run());
        }

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, CpuClock.NowMs() - cpu);
    }

    // CPU time of the runs with the collector held off (NaN when they allocate more than a no-GC region may hold).
    private static double WithoutGc(Func<object> run, int times)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            if (!GC.TryStartNoGCRegion(NoGcBytes))
            {
                return double.NaN;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return double.NaN;
        }

        var cpu = CpuClock.NowMs();
        for (var i = 0; i < times; i++)
        {
            GC.KeepAlive(run());
        }

        var spent = CpuClock.NowMs() - cpu;
        if (System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion)
        {
            return double.NaN; // allocated past the region: a collection ran after all
        }

        GC.EndNoGCRegion();
        return spent;
    }

    private static (string Name, Func<object> Run)[] Formats(int count)
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
        return
        [
            ("build (group, collate, dedupe, hash)", () => PartnerListBuilder.Build(request)),
            ("Markdown", () => PartnerListExport.ToMarkdown(list)),
            ("HTML", () => PartnerListExport.ToHtml(list)),
            ("plain text", () => PartnerListExport.ToPlainText(list)),
            ("CSV", () => PartnerListExport.ToCsv(list)),
            ("DOCX (memo + list)", () => PartnerListExport.ToDocx(list, memo)),
            ("audit certificate DOCX", () => AuditCertificate.ToDocx("Memo to the Secretary of State", audit)),
            ("audit certificate CSV", () => AuditCertificate.ToCsvUtf8(new AuditMemo(string.Empty), audit)), // the download's bytes, as MemoFiles makes them
        ];
    }
}
