using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;
using CoalitionBot.Storage;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.WebChannel;

/// <summary>
/// Issue 14, P3 on the web channel: a sign-on whose fields are fine is journaled and answered "received" before it is
/// applied (<c>WebChannel:JournaledFormWait</c> 0, as under a burst); field errors still come back on the form; a
/// repeat of the same request is stored once; the confirmation follows in the inbox.
/// </summary>
public sealed class WebSignOnAckTests
{
    [Fact]
    public async Task FieldError_StillShownOnTheForm()
    {
        var (factory, _) = Start();
        await using (factory)
        {
            var amira = await SignerWithOpenMemoAsync(factory);
            var reply = await amira.Submits("signon", "M-1", Fields("   "));
            Assert.Equal("formErrors", reply.Kind);
            Assert.Contains("Please fill in signatory title", reply.Html);
        }
    }

    [Fact]
    public async Task ValidSubmission_JournaledBeforeTheAnswer_ThenStoredOnce_AlsoWhenSentAgain()
    {
        var (factory, handled) = Start();
        await using (factory)
        {
            await SignerWithOpenMemoAsync(factory);
            var http = factory.CreateClient();
            var request = new { id = "browser-1", email = "amira@hra.org", name = "Amira Haddad", formId = "signon", context = "M-1", fields = Fields("Director") };

            var first = await SendAsync(http, request);
            Assert.Equal("formReceived", first.Kind);
            Assert.Contains("being recorded", first.Html);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                // Answered only once it was durable: the journal holds it, whatever the worker has done by now.
                Assert.True(await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().InboundJournal.AnyAsync(e => e.Platform == Platform.Web && e.Key == "browser-1"));
            }

            Assert.IsType<FormAcceptedReply>(await handled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal("duplicate", (await SendAsync(http, request)).Kind);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().SignOns.CountAsync());
            }

            Assert.Contains(await InboxAsync(new WebClient(http, "amira@hra.org", "Amira Haddad"), "has signed M-1"), i => i.Contains("has signed M-1", StringComparison.Ordinal));
        }
    }

    /// <summary>A host that answers sign-ons without waiting, and a task completed with the first sign-on's reply from the worker.</summary>
    private static (BotFactory Factory, TaskCompletionSource<Reply> Handled) Start()
    {
        var handled = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new BotFactory(new() { ["WebChannel:JournaledFormWait"] = "00:00:00" }, services: services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IInboundHandler));
            services.AddSingleton<IInboundHandler>(sp => new Signalling(
                (IInboundHandler)(inner.ImplementationFactory?.Invoke(sp) ?? inner.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)), handled));
        });
        return (factory, handled);
    }

    private static async Task<WebClient> SignerWithOpenMemoAsync(BotFactory factory)
    {
        var http = factory.CreateClient();
        var cora = new WebClient(http, "cora@coalition.org", "Cora Coordinator");
        var amira = new WebClient(http, "amira@hra.org", "Amira Haddad");
        await cora.Says("setup Rights Before Arms");
        await cora.Says("partners add The Human Rights Advocates | International | UK");
        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await amira.Says("help");
        Assert.Contains("Draft M-1", (await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.")).Html);
        await cora.Says("circulate M-1");
        Assert.Equal(1, await factory.DeliverAsync());
        return amira;
    }

    private static Dictionary<string, string?> Fields(string title) => new()
    {
        ["display_name"] = "The Human Rights Advocates", ["signatory_name"] = "Amira Haddad", ["signatory_title"] = title, ["category"] = "International", ["attest"] = "true",
    };

    private static async Task<WebReply> SendAsync(HttpClient http, object request)
    {
        var response = await http.PostAsJsonAsync("/web/api/send", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebReply>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    /// <summary>The inbox once it holds <paramref name="text"/>: the worker writes it after the handler's reply, and that raises no event here, so a bounded poll.</summary>
    private static async Task<List<string>> InboxAsync(WebClient client, string text)
    {
        for (var i = 0; ; i++)
        {
            var inbox = await client.InboxAsync();
            if (inbox.Any(m => m.Contains(text, StringComparison.Ordinal)) || i == 200)
            {
                return inbox;
            }

            await Task.Delay(50);
        }
    }

    private sealed class Signalling(IInboundHandler inner, TaskCompletionSource<Reply> handled) : IInboundHandler
    {
        public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
        {
            var reply = await inner.HandleAsync(inbound, cancellationToken);
            if (inbound.Content is FormSubmission)
            {
                handled.TrySetResult(reply);
            }

            return reply;
        }
    }
}
