namespace CoalitionBot.Core.Receiving;

/// <summary>
/// JSON may spell a lone UTF-16 surrogate as an escape (<c>"\ud800"</c>); .NET then cannot read the string, and
/// the journal cannot store it. Inbound JSON passes through <see cref="Repair(byte[])"/> first: every unpaired
/// surrogate escape becomes U+FFFD (the replacement character), so the request is handled rather than failed.
/// </summary>
public static class LoneSurrogates
{
    private static readonly byte[] Replacement = "FFFD"u8.ToArray();

    /// <summary>The UTF-8 JSON with each unpaired <c>\uD800</c>–<c>\uDFFF</c> escape replaced by <c>\uFFFD</c>; the same array when there is none.</summary>
    public static byte[] Repair(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[]? repaired = null;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != (byte)'\\')
            {
                continue;
            }

            if (!TryUnit(json, i, out var unit))
            {
                i++; // some other escape (\", \\, \n): skip the escaped character
                continue;
            }

            if (char.IsHighSurrogate(unit) && TryUnit(json, i + 6, out var next) && char.IsLowSurrogate(next))
            {
                i += 11; // a proper pair
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                repaired ??= (byte[])json.Clone();
                Replacement.CopyTo(repaired, i + 2);
            }

            i += 5;
        }

        return repaired ?? json;
    }

    /// <summary>The same for JSON held in a string (a form field carrying a JSON payload).</summary>
    public static string Repair(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var repaired = Repair(bytes);
        return ReferenceEquals(repaired, bytes) ? json : System.Text.Encoding.UTF8.GetString(repaired);
    }

    private static bool TryUnit(byte[] json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u')
        {
            return false;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexValue(json[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
