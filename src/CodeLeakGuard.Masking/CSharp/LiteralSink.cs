using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;
using CodeLeakGuard.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Writes what was found in a string's decoded value back over the characters as written in the source. A secret
/// or name written with escapes is remembered exactly as written, so unmasking gives back the same characters.
/// </summary>
internal sealed class LiteralSink : IRegionSink
{
    private readonly MaskContext _context;
    private readonly MaskedText _output;
    private readonly CSharpStringContent _content;

    public LiteralSink(MaskContext context, MaskedText output, CSharpStringContent content)
    {
        _context = context;
        _output = output;
        _content = content;
    }

    public void Secret(int start, int end, SecretFormat format)
    {
        var (sourceStart, sourceEnd) = _content.SourceSpan(start, end - start);
        _output.Replace(sourceStart, sourceEnd, _context.SecretPlaceholder(_output.Source.Substring(sourceStart, sourceEnd - sourceStart), format));
    }

    public void Name(int start, int end, NameEntry entry)
    {
        var (sourceStart, sourceEnd) = _content.SourceSpan(start, end - start);
        var written = _output.Source.Substring(sourceStart, sourceEnd - sourceStart);
        var used = written == entry.Real ? entry : _context.MaskName(written, entry.Role);
        _output.Replace(sourceStart, sourceEnd, used.Emitted);
        _context.CountIdentifier(used);
    }
}
