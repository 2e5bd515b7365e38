using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>A policy file handed to the analyzers as an additional file, as MSBuild's AdditionalFiles would be.</summary>
internal sealed class PolicyFileText : AdditionalText
{
    private readonly SourceText _text;

    public PolicyFileText(PolicyFile file)
    {
        Path = file.AnalyzerPath;
        _text = SourceText.From(file.Text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
