using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Pickup;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CoalitionBot.Email.Sending;

/// <summary>
/// Writes each e-mail to the pickup folder as "{delivery id}.eml": first to a temporary file, then renamed over the
/// final name, so a crash never leaves half a message and a retried delivery replaces its own file.
/// </summary>
internal sealed partial class PickupFolderTransport(PickupFolder folder, ILogger<PickupFolderTransport> log) : IMailTransport
{
    private int _announced;

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            LogPickup(log, folder.Path);
        }

        var final = folder.PathOf(deliveryId);
        var temporary = System.IO.Path.Combine(folder.Path, $".{deliveryId:N}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder.Path);
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: true);
            return new DeliverySent(message.MessageId ?? deliveryId.ToString("N"), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporary);
            return new DeliveryRetry($"Could not write the e-mail to the pickup folder: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a stray temporary file is ignored by the folder's listing
        }
    }

    [LoggerMessage(EventId = LogEvents.PickupFolderInUse, Level = LogLevel.Warning, Message = "Email:Smtp:Host is not set: e-mails are written to {Folder} instead of being sent (the local web channel lists them at /mail).")]
    private static partial void LogPickup(ILogger logger, string folder);
}
