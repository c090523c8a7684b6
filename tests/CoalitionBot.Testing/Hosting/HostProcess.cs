using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoalitionBot.Testing.Hosting;

/// <summary>
/// The built host (CoalitionBot.dll beside the test assembly) running as a separate process with
/// configuration from environment variables, so a test can kill it like a crash would (SIGKILL) and start it again.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The host assembly: beside the test assembly when the test project references the host.</summary>
    public static string FindHostAssembly() =>
        Path.Combine(AppContext.BaseDirectory, "CoalitionBot.dll") is var path && File.Exists(path)
            ? path
            : throw new FileNotFoundException("CoalitionBot.dll is not beside the test assembly; reference src/CoalitionBot from the test project.", path);

    /// <summary>A free loopback port (there is a small race until the host binds it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host on <paramref name="port"/> and returns once it listens (or throws with its output).</summary>
    /// <param name="hostAssembly">Another build of the host (a published folder's CoalitionBot.dll, say); default the one beside this assembly.</param>
    public static async Task<HostProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? hostAssembly = null)
    {
        var dll = hostAssembly ?? FindHostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Exited += (_, _) => host._listening.TrySetException(new InvalidOperationException("The host exited before it listened:\n" + host.Log));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._listening.Task.WaitAsync(timeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Kills the process at once (SIGKILL on Unix): no shutdown, no flushing, like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }
}
