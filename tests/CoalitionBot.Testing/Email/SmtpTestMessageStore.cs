using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CoalitionBot.Testing.Email;

/// <summary>Parses what arrives with MimeKit and hands it to the server's list, or refuses it as a test asked.</summary>
internal sealed class SmtpTestMessageStore(SmtpTestServer server) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        foreach (var to in transaction.To)
        {
            if (server.DataReplies.TryGetValue(to.AsAddress(), out var code))
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)code, "5.7.1 Message refused"));
            }
        }

        using var stream = new MemoryStream(buffer.ToArray());
        server.Accept(MimeMessage.Load(stream), context.Pipe?.IsSecure ?? false);
        return Task.FromResult(SmtpResponse.Ok);
    }
}
