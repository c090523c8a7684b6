using System.Text.Json.Serialization;

namespace CoalitionBot.Core.Messages;

/// <summary>One piece of a neutral message. The set is closed: renderers handle every kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(MemoExcerptBlock), "memo")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(ButtonsBlock), "buttons")]
public abstract record Block;
