using System.Text.Json.Serialization;

namespace CoalitionBot.Core.Conversation;

/// <summary>What an inbound item carries: a command, a button action or a form submission.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CommandText), "command")]
[JsonDerivedType(typeof(ButtonAction), "action")]
[JsonDerivedType(typeof(FormSubmission), "form")]
public abstract record InboundContent;
