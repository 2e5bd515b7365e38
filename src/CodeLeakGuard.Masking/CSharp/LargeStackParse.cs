using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Runs Roslyn's parser on text from outside (a prompt, a file an agent read) where a stack overflow cannot end the
/// process. Roslyn guards most of its recursion (too deep, it reports CS8078), but not all of it: 5,000 nested function
/// pointer types or type arguments, 10,000 chained <c>?.</c> and 50,000 <c>not</c> patterns each ended the process
/// on a thread pool thread, whose stack is 1.5 MB. Small texts cannot nest that deep and are parsed where they are;
/// larger ones on a thread of their own with a stack far larger than any text up to <see cref="MaxChars"/> can use.
/// </summary>
internal static class LargeStackParse
{
    /// <summary>At or below this many characters a text is parsed on the calling thread: too few to nest dangerously.</summary>
    public const int InlineChars = 4 * 1024;

    /// <summary>Above this many characters a text is not parsed at all (the caller withholds it).</summary>
    public const int MaxChars = 1024 * 1024;

    // Reserved address space, committed only as the parser uses it: at least 256 bytes per character of the largest
    // text parsed, where the deepest unguarded recursion measured took about 300 bytes per level of 3 or more characters.
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>The result of <paramref name="parse"/> over a text of <paramref name="chars"/> characters; exceptions pass through.</summary>
    public static T Run<T>(int chars, Func<T> parse)
    {
        if (chars > MaxChars)
        {
            throw new ArgumentOutOfRangeException(nameof(chars), "the text is too large to parse safely");
        }

        if (chars <= InlineChars)
        {
            return parse();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = parse();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "CodeLeakGuard parse",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
