using System.Collections.Concurrent;
using SmtpServer;
using SmtpServer.Authentication;

namespace CoalitionBot.Testing.Email;

/// <summary>Accepts exactly the configured user name and password, and records who logged in.</summary>
internal sealed class SmtpTestAuthenticator((string User, string Password)? login, ConcurrentQueue<string> logins) : IUserAuthenticator
{
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        var ok = login is { } expected && expected.User == user && expected.Password == password;
        if (ok)
        {
            logins.Enqueue(user);
        }

        return Task.FromResult(ok);
    }
}
