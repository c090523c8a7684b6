namespace CoalitionBot.Testing.Postgres;

/// <summary>How a helper process ended: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
