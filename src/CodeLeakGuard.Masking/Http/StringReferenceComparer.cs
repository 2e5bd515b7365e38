using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CodeLeakGuard.Masking.Http;

/// <summary>Strings as instances: a masked text put into the body is found again as that very string, never as an equal one elsewhere.</summary>
internal sealed class StringReferenceComparer : IEqualityComparer<string>
{
    public static readonly StringReferenceComparer Instance = new();

    public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

    public int GetHashCode(string text) => RuntimeHelpers.GetHashCode(text);
}
