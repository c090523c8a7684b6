using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Teams.Activities;

/// <summary>The JSON conventions of the Bot Framework wire format: camelCase, nulls left out.</summary>
internal static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Card text is full of non-ASCII (names, quotes); escaping it all as \uXXXX would triple card sizes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
