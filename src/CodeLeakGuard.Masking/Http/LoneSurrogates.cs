using System;
using System.Linq;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Lone UTF-16 surrogates escaped in JSON text (<c>\ud83d</c> with no partner). JavaScript's <c>JSON.stringify</c>
/// writes one when a client cuts a string inside an emoji (as coding agents do when they truncate a long tool
/// output), and System.Text.Json refuses to read such a string: the request would fail, and so would every later
/// request of the conversation, which sends the text again. Each lone one is replaced in place by <c>\ufffd</c>
/// (U+FFFD, what a UTF-8 encoder writes for it, and all a model could read of it): the same length, nothing else
/// touched. Escaped pairs are left as they are.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Replaces them in <paramref name="json"/> itself; how many there were.</summary>
    public static int Replace(Span<byte> json) => ReplaceIn(json);

    /// <summary><paramref name="json"/> with them replaced (itself when it has none).</summary>
    public static string Replace(string json)
    {
        if (FirstCandidate(json.AsSpan()) < 0)
        {
            return json;
        }

        var chars = json.ToCharArray();
        return ReplaceIn(chars.AsSpan()) == 0 ? json : new string(chars);
    }

    private static int ReplaceIn<T>(Span<T> json)
        where T : unmanaged, IEquatable<T>
    {
        var position = FirstCandidate<T>(json);
        var replaced = 0;
        while (position >= 0)
        {
            if (!IsEscape(json, position) || !TryReadUnit(json, position, out var unit))
            {
                position++; // an escaped backslash followed by 'u', or not an escape JSON allows (the parser says so)
            }
            else if (IsHigh(unit) && TryReadUnit(json, position + 6, out var next) && IsLow(next))
            {
                position += 12; // a pair
            }
            else
            {
                if (IsHigh(unit) || IsLow(unit))
                {
                    json[position + 2] = Units<T>.Replacement[0];
                    json[position + 3] = Units<T>.Replacement[1];
                    json[position + 4] = Units<T>.Replacement[2];
                    json[position + 5] = Units<T>.Replacement[3];
                    replaced++;
                }

                position += 6;
            }

            var found = position < json.Length ? json.Slice(position).IndexOf(Units<T>.Escape) : -1;
            position = found < 0 ? -1 : position + found;
        }

        return replaced;
    }

    /// <summary>Where the first escape that may be a surrogate starts (-1: none, the usual case, found vectorized).</summary>
    private static int FirstCandidate<T>(ReadOnlySpan<T> json)
        where T : unmanaged, IEquatable<T>
    {
        var lower = json.IndexOf(Units<T>.LowerSurrogate);
        var upper = json.IndexOf(Units<T>.UpperSurrogate);
        return lower < 0 ? upper : upper < 0 ? lower : Math.Min(lower, upper);
    }

    /// <summary>Whether the backslash at <paramref name="position"/> starts an escape (it is not itself escaped).</summary>
    private static bool IsEscape<T>(Span<T> json, int position)
        where T : unmanaged, IEquatable<T>
    {
        var backslashes = 0;
        for (var i = position; i >= 0 && Code(json[i]) == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="position"/>, if there is one.</summary>
    private static bool TryReadUnit<T>(Span<T> json, int position, out int unit)
        where T : unmanaged, IEquatable<T>
    {
        unit = 0;
        if (position + 6 > json.Length || Code(json[position]) != '\\' || Code(json[position + 1]) != 'u')
        {
            return false;
        }

        for (var i = position + 2; i < position + 6; i++)
        {
            var digit = HexValue(Code(json[i]));
            if (digit < 0)
            {
                return false;
            }

            unit = (unit << 4) | digit;
        }

        return true;
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsHigh(int unit) => unit is >= 0xD800 and <= 0xDBFF;

    private static bool IsLow(int unit) => unit is >= 0xDC00 and <= 0xDFFF;

    private static int Code<T>(T unit)
        where T : unmanaged => typeof(T) == typeof(byte) ? (byte)(object)unit : (char)(object)unit;

    /// <summary>The escapes searched for and the replacement digits, as UTF-8 bytes or UTF-16 chars.</summary>
    private static class Units<T>
        where T : unmanaged
    {
        public static readonly T[] Escape = Of("\\u");

        public static readonly T[] LowerSurrogate = Of("\\ud");

        public static readonly T[] UpperSurrogate = Of("\\uD");

        public static readonly T[] Replacement = Of("fffd");

        private static T[] Of(string ascii) => ascii.Select(c => typeof(T) == typeof(byte) ? (T)(object)(byte)c : (T)(object)c).ToArray();
    }
}
