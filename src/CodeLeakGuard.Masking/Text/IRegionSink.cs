using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Text;

/// <summary>Receives what <see cref="RegionMasker"/> found, in text order, and writes the replacement.</summary>
internal interface IRegionSink
{
    void Secret(int start, int end, SecretFormat format);

    void Name(int start, int end, NameEntry entry);
}

/// <summary>A sink for a region of the source itself: positions are source positions.</summary>
internal sealed class SourceSink : IRegionSink
{
    private readonly MaskContext _context;
    private readonly MaskedText _output;

    public SourceSink(MaskContext context, MaskedText output)
    {
        _context = context;
        _output = output;
    }

    public void Secret(int start, int end, SecretFormat format) =>
        _output.Replace(start, end, _context.SecretPlaceholder(_output.Source.Substring(start, end - start), format));

    public void Name(int start, int end, NameEntry entry)
    {
        _output.Replace(start, end, entry.Emitted);
        _context.CountIdentifier(entry);
    }
}
