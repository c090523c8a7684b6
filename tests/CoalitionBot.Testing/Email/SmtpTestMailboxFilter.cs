using System.Collections.Concurrent;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CoalitionBot.Testing.Email;

/// <summary>Answers RCPT TO with the reply a test configured for that address (a 5xx or 4xx), else accepts.</summary>
internal sealed class SmtpTestMailboxFilter(ConcurrentDictionary<string, int> replies) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        if (replies.TryGetValue(to.AsAddress(), out var code))
        {
            throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "5.1.1 No such user here" : "4.2.0 Try again later"));
        }

        return Task.FromResult(true);
    }
}
