namespace CoalitionBot.Testing.Teams;

/// <summary>The kinds of Bot Framework token the simulator can issue: one good, the rest each wrong in one way.</summary>
public enum TokenFlavour
{
    /// <summary>Signed by an msteams-endorsed key, right issuer, audience, lifetime and serviceurl.</summary>
    Valid,
    WrongAudience,
    WrongIssuer,
    Expired,
    WrongServiceUrl,
    /// <summary>Signed by a published key whose endorsements do not include msteams.</summary>
    UnendorsedKey,
    /// <summary>Signed by a key that is not in the published key set.</summary>
    UnknownKey,
    /// <summary>"alg": "none".</summary>
    Unsigned,
    /// <summary>Signed with HS256 using the public modulus as the secret (an old algorithm-confusion trick).</summary>
    SymmetricAlgorithm,
    NotYetValid,
}
