namespace CoalitionBot.Core.Receiving;

/// <summary>
/// Handles one journaled delivery (hands it to the core, which stores its effects). What it returns, if anything,
/// runs after the journal entry is completed: typically sending the reply, so a failed send is never re-handled.
/// </summary>
public delegate Task<Func<CancellationToken, Task>?> HandleDelivery(CancellationToken cancellationToken);
