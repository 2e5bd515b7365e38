namespace CodeLeakGuard.Secrets;

/// <summary>What kind of sensitive text a match is: the analyzer reports credentials; the masker hides every category.</summary>
public enum SecretCategory
{
    /// <summary>A key, token, password or private key: whoever holds it can act as its owner.</summary>
    Credential,

    /// <summary>Looks like key material (a long high-entropy blob) but has no known format: masked, not reported.</summary>
    PossibleCredential,

    /// <summary>Identifies a person (an e-mail address).</summary>
    PersonalData,

    /// <summary>Maps the company's network: internal host names and private IP addresses.</summary>
    InternalInfrastructure,
}
