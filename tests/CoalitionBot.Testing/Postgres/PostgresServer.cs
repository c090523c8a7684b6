using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CoalitionBot.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster on a loopback port, in its own temporary directory, deleted on dispose.
/// Tests share one per run (<see cref="SharedAsync"/>) and each creates its own database.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const int PortAttempts = 5;

    private static readonly Lazy<Task<PostgresStartResult>> Shared = new(StartSharedAsync);

    private readonly string password;
    private int disposed;
    private bool durable;

    private PostgresServer(string binDirectory, string rootDirectory, int port, string password)
    {
        BinDirectory = binDirectory;
        RootDirectory = rootDirectory;
        Port = port;
        this.password = password;
    }

    /// <summary>The directory holding initdb, pg_ctl and psql.</summary>
    public string BinDirectory { get; }

    /// <summary>The temporary directory holding the cluster, its socket and its log.</summary>
    public string RootDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Npgsql connection string for the <c>postgres</c> database as the <c>postgres</c> superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>The one server of this test run, started on first use and stopped when the process exits.</summary>
    public static Task<PostgresStartResult> SharedAsync() => Shared.Value;

    /// <summary>Where the server binaries are looked for: COALITIONBOT_POSTGRES_ROOT (a missing folder hides them), else Debian's /usr/lib/postgresql.</summary>
    public static string InstallRoot =>
        Environment.GetEnvironmentVariable("COALITIONBOT_POSTGRES_ROOT") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql";

    /// <summary>The bin directory of the highest PostgreSQL version installed under <paramref name="root"/> (Debian's layout; default <see cref="InstallRoot"/>), or null.</summary>
    public static string? FindBinDirectory(string? root = null)
    {
        root ??= InstallRoot;
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(path => (Path: Path.Combine(path, "bin"), Version: ParseVersion(Path.GetFileName(path))))
            .Where(candidate => candidate.Version is not null && File.Exists(Path.Combine(candidate.Path, "pg_ctl")) && File.Exists(Path.Combine(candidate.Path, "initdb")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }

    /// <summary>
    /// Starts a new server, or returns why it cannot when the binaries are not installed.
    /// A server that is installed but fails to start is an error, not a reason to skip.
    /// </summary>
    /// <param name="durable">fsync on, as a production server runs (a benchmark); tests run without it.</param>
    public static async Task<PostgresStartResult> TryStartAsync(CancellationToken cancellationToken = default, bool durable = false)
    {
        var bin = FindBinDirectory();
        if (bin is null)
        {
            return new PostgresStartResult(null, $"no PostgreSQL server binaries under {InstallRoot}/*/bin (apt-get install postgresql)");
        }

        if (HelperProcess.IsRoot && !await PostgresUserExistsAsync(cancellationToken))
        {
            return new PostgresStartResult(null, "running as root and there is no 'postgres' OS user to run the server as");
        }

        PostgresJanitor.RemoveAbandonedClusters();
        var server = await StartAsync(bin, cancellationToken, durable);
        return new PostgresStartResult(server, null);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores, starting with a letter or underscore, at most 63.", nameof(name));
        }

        ObjectDisposedException.ThrowIf(disposed != 0, this);
        var result = await HelperProcess.RunAsync(
            Path.Combine(BinDirectory, "psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-c", $"CREATE DATABASE \"{name}\""],
            RootDirectory,
            new Dictionary<string, string> { ["PGPASSWORD"] = password, ["PGCONNECT_TIMEOUT"] = "10" },
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"CREATE DATABASE {name} failed: {result.Output}");
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Creates an empty database with a fresh unique name and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync("test_" + Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>Stops the server (fast shutdown) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        var stopped = await StopAsync("fast");
        if (!stopped.Succeeded)
        {
            await StopAsync("immediate");
        }

        PostgresJanitor.TryDelete(RootDirectory);
    }

    // Every test opens a pool on its own database; closing idle connections after a few seconds keeps
    // hundreds of finished tests from holding the server's max_connections.
    private string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Password={password};Database={database};Connection Idle Lifetime=5;Connection Pruning Interval=1";

    private static async Task<PostgresServer> StartAsync(string bin, CancellationToken cancellationToken, bool durable = false)
    {
        var root = PostgresJanitor.CreateRootDirectory();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "pwfile"), password + "\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (HelperProcess.IsRoot)
            {
                await RequireAsync(HelperProcess.RunAsync("chown", ["-R", "postgres:postgres", root], root, null, cancellationToken), "chown");
            }

            await RequireAsync(
                HelperProcess.RunAsServerUserAsync(
                    Path.Combine(bin, "initdb"),
                    ["-D", Path.Combine(root, "data"), "-U", "postgres", $"--pwfile={Path.Combine(root, "pwfile")}", "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
                    root,
                    cancellationToken),
                "initdb");

            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(bin, root, FreeLoopbackPort(), password) { durable = durable };
                var started = await server.PgCtlAsync(
                    ["-D", server.DataDirectory, "-l", server.LogFile, "-o", server.ServerOptions(), "-w", "-t", "60", "start"],
                    cancellationToken);
                if (started.Succeeded)
                {
                    await PostgresJanitor.StartWatchdogAsync(server.BinDirectory, server.RootDirectory, cancellationToken);
                    return server;
                }

                var log = ReadLog(server.LogFile);
                var portTaken = log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
                if (!portTaken || attempt == PortAttempts)
                {
                    throw new InvalidOperationException($"pg_ctl start failed: {started.Output}\n--- server log ---\n{log}");
                }
            }
        }
        catch
        {
            PostgresJanitor.TryDelete(root);
            throw;
        }
    }

    private string ServerOptions() =>
        $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {RootDirectory} -c fsync={(durable ? "on" : "off")} -c max_connections=200";

    private Task<ProcessResult> StopAsync(string mode) =>
        PgCtlAsync(["-D", DataDirectory, "-m", mode, "-w", "-t", "30", "stop"], CancellationToken.None);

    private Task<ProcessResult> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        HelperProcess.RunAsServerUserAsync(Path.Combine(BinDirectory, "pg_ctl"), arguments, RootDirectory, cancellationToken);

    // xunit 2 has no assembly-level teardown, and the test host is killed moments after a run, too soon
    // for pg_ctl stop from a ProcessExit handler; the shared server is left to its watchdog.
    private static Task<PostgresStartResult> StartSharedAsync() => TryStartAsync();

    private static async Task<bool> PostgresUserExistsAsync(CancellationToken cancellationToken) =>
        (await HelperProcess.RunAsync("id", ["-u", "postgres"], "/", null, cancellationToken)).Succeeded;

    internal static async Task RequireAsync(Task<ProcessResult> run, string what)
    {
        var result = await run;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}: {result.Output}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadLog(string path) => File.Exists(path) ? File.ReadAllText(path) : "(no log)";

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
