using System.Globalization;

namespace CoalitionBot.Testing.Postgres;

/// <summary>Where throwaway clusters live, and making sure none outlives the test run that started it.</summary>
internal static class PostgresJanitor
{
    private const string DirectoryPrefix = "coalitionbot-pg-";

    public static string CreateRootDirectory()
    {
        // /tmp rather than TMPDIR when root: the postgres user must be able to reach it, and the
        // socket path inside it must stay under the 107-byte limit.
        var parent = HelperProcess.IsRoot ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return root;
    }

    // A detached shell that outlives this process: once the process is gone (finished, crashed or
    // killed) it stops the server and deletes the directory; it also ends when the directory is
    // removed by DisposeAsync.
    public static async Task StartWatchdogAsync(string binDirectory, string rootDirectory, CancellationToken cancellationToken)
    {
        var stop = HelperProcess.ShellJoin([Path.Combine(binDirectory, "pg_ctl"), "-D", Path.Combine(rootDirectory, "data"), "-m", "fast", "-w", "-t", "30", "stop"]);
        if (HelperProcess.IsRoot)
        {
            stop = HelperProcess.ShellJoin(["su", "postgres", "-s", "/bin/sh", "-c", stop]);
        }

        var root = HelperProcess.ShellJoin([rootDirectory]);
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var watch = $"while kill -0 {owner} 2>/dev/null && [ -d {root} ]; do sleep 1; done; if [ -d {root} ]; then {stop}; rm -rf {root}; fi";
        var detach = $"setsid /bin/sh -c {HelperProcess.ShellJoin([watch])} </dev/null >/dev/null 2>&1 &";
        await PostgresServer.RequireAsync(HelperProcess.RunAsync("/bin/sh", ["-c", detach], rootDirectory, null, cancellationToken), "watchdog");
    }

    // A test run that was killed leaves its cluster running; stop and remove those whose owning
    // process is gone, so a shared machine does not collect stray postmasters.
    public static void RemoveAbandonedClusters()
    {
        var parent = HelperProcess.IsRoot ? "/tmp" : Path.GetTempPath();
        foreach (var root in Directory.EnumerateDirectories(parent, DirectoryPrefix + "*"))
        {
            try
            {
                RemoveIfAbandoned(root);
            }
            catch (IOException)
            {
                // Another test run is cleaning up the same directory.
            }
        }
    }

    private static void RemoveIfAbandoned(string root)
    {
        var ownerFile = Path.Combine(root, "owner.pid");
        if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner))
        {
            return;
        }

        var bin = PostgresServer.FindBinDirectory();
        if (bin is not null && File.Exists(Path.Combine(root, "data", "postmaster.pid")))
        {
            HelperProcess.RunAsServerUserAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], root, CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        TryDelete(root);
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
