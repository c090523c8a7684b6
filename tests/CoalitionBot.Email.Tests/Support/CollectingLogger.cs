using Microsoft.Extensions.Logging;

namespace CoalitionBot.Email.Tests.Support;

/// <summary>A logger that writes into <see cref="LogRecords"/>.</summary>
internal sealed class CollectingLogger<T>(LogRecords records) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        records.Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
