namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A conversation that remembers what the model wrote. Clients send the model's answers back in the history
/// unmasked; they must go out again exactly as the model wrote them, not masked anew: a thinking block's signature
/// and the provider's check that nothing before a thinking block changed both fail on a single different character
/// (and the prompt cache misses). Masking anew could differ: a code-like word the model wrote is masked the second
/// time, a name the session learnt since is masked in a file path the model wrote before.
/// </summary>
internal interface IAnswerMemory
{
    /// <param name="written">A whole text the model wrote (a text, thinking or tool-input block; a string value of a whole answer).</param>
    /// <param name="unmasked">The same, unmasked, as the client received it.</param>
    void Remember(string written, string unmasked);
}
