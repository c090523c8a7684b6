using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;

namespace CoalitionBot.Email.Tests.Support;

/// <summary>Test data: a circulation e-mail as the core queues it, with the partner's personal link as a URL button.</summary>
public static class Some
{
    public const string Link = "https://bot.coalition.example.org/sign/abc123.signed";

    public static Message MemoMessage(string organisation = "The Human Rights Advocates", string markdown = "We urge you to act.\n\nSecond paragraph.", bool truncated = false) =>
        new("M-1: Memo to the Secretary of State",
        [
            new TextBlock($"Hello from {organisation}: a memo waits for your answer."),
            new TextBlock("M-1: Memo to the Secretary of State", Strong: true),
            new FieldsBlock([new Field("To", "The Secretary of State"), new Field("Deadline", "Fri 20 Nov 17:00 (Europe/London)")]),
            new TextBlock("Confidential: Draft for coalition members only."),
            new MemoExcerptBlock("M-1", "Memo to the Secretary of State", markdown, truncated),
            new ButtonsBlock([new Button("Open the memo and answer", "memo.open", "M-1", ButtonStyle.Primary, Link), new Button("Sign on", ActionIds.Sign, "M-1")]),
        ]);

    public static OutboundMessage Outbound(string to = "amira@hra.example.org", Message? message = null, Guid? deliveryId = null) =>
        new(deliveryId ?? Guid.NewGuid(), new DeliveryTarget(Platform.Email, "email", to, null, null), message ?? MemoMessage());
}
