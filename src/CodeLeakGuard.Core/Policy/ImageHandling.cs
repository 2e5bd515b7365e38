namespace CodeLeakGuard.Policy;

/// <summary>
/// What the masking handler and gateway do with an image in a request (<c>set images=</c>): an image cannot be masked
/// (a screenshot of code is code), so by default the request is refused. Ordered from the most permissive: when
/// several policy files say, the strictest wins.
/// </summary>
public enum ImageHandling
{
    /// <summary>Images are sent as they are: the company accepts that screenshots leave unmasked.</summary>
    Pass,

    /// <summary>Each image is replaced by a short text saying it was withheld; the rest of the request is sent.</summary>
    Withhold,

    /// <summary>A request with an image is refused whole (the default).</summary>
    Refuse,
}
