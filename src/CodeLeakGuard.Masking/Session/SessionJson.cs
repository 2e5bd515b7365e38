using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// The saved form of a session. It maps every pseudonym back to the real name and holds every masked secret and
/// every withheld piece of proprietary code in clear text: it is as sensitive as all of them together. Keep it
/// where the code may be (never next to the masked copy that is sent out), and delete it when the conversation ends.
/// </summary>
internal static class SessionJson
{
    public const string Format = "codeleakguard-masking-session";
    public const int Version = 1;
    public const string Notice = "SENSITIVE: this file maps pseudonyms back to real names and holds the masked secrets and withheld code in clear text. Never send it to an AI service; keep it with the source code and delete it when the conversation ends.";

    private const int MaxNumber = 10_000_000;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(SessionState state, Stream stream)
    {
        var document = new Document
        {
            Format = Format,
            Version = Version,
            Notice = Notice,
            NextNumber = state.NextNumber,
            Reserved = state.Reserved.OrderBy(n => n).ToList(),
            Names = state.Names.Values.Where(n => n.Suffix.Length == 0).Select(n => new NameDto { Number = n.Number, Role = n.Role.ToString(), Real = n.Real, Upper = n.Upper }).ToList(),
            Secrets = state.Secrets.Values.OrderBy(s => s.Number).Select(s => new SecretDto { Number = s.Number, Kind = s.Kind, Value = s.Value }).ToList(),
            Withheld = state.Withheld.Where(w => w.Stub.Length > 0)
                .Select(w => new WithheldDto { Number = w.Number, Kind = w.Kind, Stub = w.Stub, MarkerOffset = w.MarkerOffset, Original = w.Original }).ToList(),
        };
        JsonSerializer.Serialize(stream, document, Options);
    }

    public static SessionState Read(Stream stream)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(stream, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the masking session is not valid JSON (line {ex.LineNumber + 1})", ex);
        }

        if (document is null || document.Format != Format)
        {
            throw new FormatException($"this is not a masking session (expected \"format\": \"{Format}\")");
        }

        if (document.Version != Version)
        {
            throw new FormatException($"masking session version {document.Version} is not supported (this version reads {Version})");
        }

        var state = new SessionState();
        foreach (var name in document.Names ?? new List<NameDto>())
        {
            if (!Enum.TryParse<PseudonymRole>(name.Role, out var role) || string.IsNullOrEmpty(name.Real))
            {
                throw new FormatException($"placeholder {name.Number} has an unknown role '{name.Role}' or no name");
            }

            var entry = new NameEntry(Check(name.Number), name.Real!, role, name.Upper);
            state.Restore(entry);
        }

        foreach (var secret in document.Secrets ?? new List<SecretDto>())
        {
            if (string.IsNullOrEmpty(secret.Kind) || !secret.Kind!.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') || secret.Value is null)
            {
                throw new FormatException($"placeholder {secret.Number} has an invalid secret kind or no value");
            }

            state.Restore(new SecretEntry(Check(secret.Number), secret.Kind!, secret.Value));
        }

        foreach (var withheld in document.Withheld ?? new List<WithheldDto>())
        {
            var entry = new WithheldEntry(Check(withheld.Number), withheld.Kind ?? string.Empty)
            {
                Stub = withheld.Stub ?? string.Empty,
                MarkerOffset = withheld.MarkerOffset,
                Original = withheld.Original ?? string.Empty,
            };
            if (entry.MarkerOffset < 0 || entry.MarkerOffset > entry.Stub.Length - entry.Marker.Length
                || string.CompareOrdinal(entry.Stub, entry.MarkerOffset, entry.Marker, 0, entry.Marker.Length) != 0)
            {
                throw new FormatException($"withheld code {withheld.Number} does not hold its marker where the session says");
            }

            state.Restore(entry);
        }

        foreach (var number in document.Reserved ?? new List<int>())
        {
            state.RestoreReserved(Check(number), Math.Min(document.NextNumber, MaxNumber));
        }

        return state;
    }

    private static int Check(int number) =>
        number is > 0 and <= MaxNumber ? number : throw new FormatException($"placeholder number {number} is out of range");

    private sealed class Document
    {
        public string? Format { get; set; }

        public int Version { get; set; }

        public string? Notice { get; set; }

        public int NextNumber { get; set; }

        public List<int>? Reserved { get; set; }

        public List<NameDto>? Names { get; set; }

        public List<SecretDto>? Secrets { get; set; }

        public List<WithheldDto>? Withheld { get; set; }
    }

    private sealed class NameDto
    {
        public int Number { get; set; }

        public string? Role { get; set; }

        public string? Real { get; set; }

        public bool Upper { get; set; }
    }

    private sealed class SecretDto
    {
        public int Number { get; set; }

        public string? Kind { get; set; }

        public string? Value { get; set; }
    }

    private sealed class WithheldDto
    {
        public int Number { get; set; }

        public string? Kind { get; set; }

        public string? Stub { get; set; }

        public int MarkerOffset { get; set; }

        public string? Original { get; set; }
    }
}
