using System.Diagnostics;

namespace CoalitionBot.Testing.Postgres;

/// <summary>Runs the PostgreSQL command-line tools, as the <c>postgres</c> OS user when the tests run as root.</summary>
internal static class HelperProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // initdb and postgres refuse to run as root, so the server side goes through su.
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && Environment.UserName == "root";

    public static Task<ProcessResult> RunAsServerUserAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        IsRoot
            ? RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", ShellJoin([file, .. arguments])], workingDirectory, null, cancellationToken)
            : RunAsync(file, arguments, workingDirectory, null, cancellationToken);

    public static async Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new ProcessResult(process.ExitCode, (await output) + (await error));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }
    }

    public static string ShellJoin(IEnumerable<string> words) =>
        string.Join(' ', words.Select(word => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
}
