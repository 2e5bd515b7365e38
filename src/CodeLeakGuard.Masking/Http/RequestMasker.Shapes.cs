using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// What a container must be before its texts can be found: a list where a list belongs, an object where an object
/// does. A container of another shape is refused — walked as it is, its texts would have gone out unmasked.
/// </summary>
public sealed partial class RequestMasker
{
    // The roles a message or input item may have; any other is refused rather than passed (it might be text).
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal) { "user", "assistant", "system", "developer", "tool", "function" };

    /// <summary>
    /// The objects of a list (none for null); anything else, or an entry that is not an object, is refused. Unlike
    /// <see cref="Items"/>, for content that may also be one entry alone, a single object is refused here.
    /// </summary>
    private static JsonObject[] List(JsonNode? node, string what) => node switch
    {
        null => Array.Empty<JsonObject>(),
        JsonArray list => list.Select(item => item as JsonObject ?? throw new MaskingRefusedException($"an entry of {what} is not an object, so it cannot be masked")).ToArray(),
        _ => throw new MaskingRefusedException($"{what} is not a list, so it cannot be masked"),
    };

    /// <summary>The object (null for null); anything else is refused.</summary>
    private static JsonObject? Object(JsonNode? node, string what) => node switch
    {
        null => null,
        JsonObject obj => obj,
        _ => throw new MaskingRefusedException($"{what} is not an object, so it cannot be masked"),
    };

    /// <summary>A role must be one of the roles the APIs know (it is passed as it is).</summary>
    private static void CheckRole(JsonObject owner)
    {
        if (owner["role"] is { } role && (role.GetValueKind() != JsonValueKind.String || !Roles.Contains(role.GetValue<string>())))
        {
            throw new MaskingRefusedException("a message has a role that is not understood, so it is not sent");
        }
    }

    /// <summary>Every string under the keys of <paramref name="owner"/> not in <paramref name="handled"/>, masked as text: a key this code does not know is not a way out.</summary>
    private void MaskOtherStrings(JsonObject owner, params string[] handled) => MaskOtherStrings(owner, key => Array.IndexOf(handled, key) >= 0);

    private void MaskOtherStrings(JsonObject owner, Func<string, bool> handled)
    {
        foreach (var key in owner.Select(p => p.Key).Where(key => !handled(key)).ToList())
        {
            if (JsonValues.HoldsText(owner[key]))
            {
                MaskJsonStrings(owner, key);
            }
        }
    }
}
