using System;
using System.IO;
using System.Linq;
using System.Text;

namespace CodeLeakGuard.Cli.Export;

/// <summary>What a rerun does to one file.</summary>
internal enum ExportFileStatus
{
    Unchanged,
    Created,
    Updated,
    Removed,

    /// <summary>Left as it is on purpose (an empty .aiexclude already excludes everything).</summary>
    Kept,
}

/// <summary>
/// One file the export owns or shares: its bytes on disk (null: absent) and the bytes it should have (null: it should
/// not exist). Text keeps the file's UTF-8 byte order mark, if it had one.
/// </summary>
internal sealed record ExportFile(string RelativePath, byte[]? Current, byte[]? Desired, string? Note = null)
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ExportFileStatus Status =>
        Note is not null ? ExportFileStatus.Kept
        : Current is null && Desired is null ? ExportFileStatus.Unchanged
        : Current is null ? ExportFileStatus.Created
        : Desired is null ? ExportFileStatus.Removed
        : Current.AsSpan().SequenceEqual(Desired) ? ExportFileStatus.Unchanged
        : ExportFileStatus.Updated;

    public bool IsOutOfDate => Status is ExportFileStatus.Created or ExportFileStatus.Updated or ExportFileStatus.Removed;

    /// <summary>Reads a file's bytes, or null when it does not exist.</summary>
    public static byte[]? ReadBytes(string root, string relativePath)
    {
        var full = FullPath(root, relativePath);
        if (Directory.Exists(full))
        {
            throw new IOException($"'{relativePath}' is a folder, not a file");
        }

        return File.Exists(full) ? File.ReadAllBytes(full) : null;
    }

    /// <summary>The text of <paramref name="bytes"/> (without byte order mark), or null with an error when it is not UTF-8.</summary>
    public static string? Decode(byte[]? bytes, out string? error)
    {
        error = null;
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(HasBom(bytes) ? bytes.AsSpan(Bom.Length) : bytes);
        }
        catch (DecoderFallbackException)
        {
            error = "is not UTF-8 text";
            return null;
        }
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>, with a byte order mark when <paramref name="like"/> had one.</summary>
    public static byte[]? Encode(string? text, byte[]? like)
    {
        if (text is null)
        {
            return null;
        }

        var bytes = StrictUtf8.GetBytes(text);
        return like is not null && HasBom(like) ? Bom.Concat(bytes).ToArray() : bytes;
    }

    public static string FullPath(string root, string relativePath) =>
        Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Makes the disk match <see cref="Desired"/> (through a temporary file, so a failure never leaves half a file).</summary>
    public void Apply(string root)
    {
        if (!IsOutOfDate)
        {
            return;
        }

        var full = FullPath(root, RelativePath);
        if (Desired is null)
        {
            File.Delete(full);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".codeleakguard-tmp";
        File.WriteAllBytes(temporary, Desired);
        File.Move(temporary, full, overwrite: true);
    }

    private static bool HasBom(byte[] bytes) => bytes.AsSpan().StartsWith(Bom);
}
