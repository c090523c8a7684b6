using System.Diagnostics;
using System.Globalization;
using CoalitionBot.Testing.Hosting;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// The minimal Bolt-JS 5.1.0 app of benchmarks/bolt-js, installed with npm into a temporary folder (kept between
/// runs, so only the first run downloads) and started with node as a separate process.
/// </summary>
internal sealed class BoltApp : IAsyncDisposable
{
    private readonly Process _process;

    private BoltApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Bolt's receiver takes commands, events and interactions at one path.</summary>
    public Uri CommandsUrl => new(BaseAddress, "slack/events");

    /// <summary>Copies app.js and package.json to a temporary folder and runs <c>npm install</c> there unless done before.</summary>
    public static async Task<string> InstallAsync()
    {
        var source = FindSource();
        var folder = Path.Combine(Path.GetTempPath(), "coalitionbot-bench-bolt-5.1.0");
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "app.js", "package.json" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
        }

        if (!File.Exists(Path.Combine(folder, "node_modules", "@slack", "bolt", "package.json")))
        {
            Console.WriteLine($"npm install @slack/bolt 5.1.0 into {folder} ...");
            var npm = Process.Start(new ProcessStartInfo("npm", "install --no-audit --no-fund --loglevel=error") { WorkingDirectory = folder })!;
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm install failed in {folder} (exit {npm.ExitCode})");
            }
        }

        return folder;
    }

    /// <summary>Starts node app.js and returns once it answers HTTP (any status), with the time that took.</summary>
    public static async Task<(BoltApp App, TimeSpan Ready)> StartAsync(string folder, string signingSecret)
    {
        var port = HostProcess.FreePort();
        var start = new ProcessStartInfo("node", "app.js") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["SLACK_SIGNING_SECRET"] = signingSecret;
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["NODE_ENV"] = "production";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("bolt: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new BoltApp(process, new Uri($"http://127.0.0.1:{port}/"));
        var ready = await WaitForAsync(new Uri(app.BaseAddress, "ready"), any: true, () => process.HasExited, TimeSpan.FromSeconds(60));
        return (app, ready ? clock.Elapsed : throw new InvalidOperationException("Bolt exited or did not listen within 60 s"));
    }

    /// <summary>Polls <paramref name="url"/> every 5 ms until it answers (200 only, unless <paramref name="any"/>).</summary>
    public static async Task<bool> WaitForAsync(Uri url, bool any, Func<bool> exited, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !exited())
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (any || (int)response.StatusCode == 200)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(5);
        }

        return false;
    }

    /// <summary>Resident set size of a process in MB (VmRSS of /proc/PID/status).</summary>
    public static double RssMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "bolt-js");
            if (File.Exists(Path.Combine(candidate, "app.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("benchmarks/bolt-js not found above " + AppContext.BaseDirectory);
    }
}
