using System;
using System.IO;
using System.Text;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary>
/// A text file's content and how it was encoded, so a masked copy is written the same way and unmasking gives back
/// the original bytes. Only text that decodes exactly is accepted: a file with invalid bytes cannot be masked
/// faithfully, and binary files are not text.
/// </summary>
internal sealed record TextFile(string Text, Encoding Encoding)
{
    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

    public static bool TryDecode(byte[] bytes, out TextFile? file, out string? problem)
    {
        file = null;
        problem = null;
        Encoding encoding;
        int skip;
        if (StartsWith(bytes, Utf8Bom))
        {
            (encoding, skip) = (new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), 3);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2);
        }
        else
        {
            (encoding, skip) = (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), 0);
        }

        string text;
        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            problem = $"it is not valid {encoding.WebName} (byte {ex.Index + skip})";
            return false;
        }

        if (text.IndexOf('\0') >= 0)
        {
            problem = "it holds NUL characters (a binary file?)";
            return false;
        }

        file = new TextFile(text, encoding);
        return true;
    }

    public byte[] Encode(string text)
    {
        var preamble = Encoding.GetPreamble();
        var body = Encoding.GetBytes(text);
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static bool StartsWith(byte[] bytes, byte[] prefix) => bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);
}
