namespace CiDoctor.History.Clustering;

/// <summary>Tunables of <see cref="FailureClusterer"/>.</summary>
public sealed record ClusteringOptions
{
    /// <summary>
    /// Two signatures are the same failure when 1 − token edit distance / longer length is at
    /// least this: 0.8 lets one token in five differ (a file name, a test name, a word of the
    /// message) once numbers, ids, hashes, paths and times are masked.
    /// </summary>
    public double Similarity { get; init; } = 0.8;

    /// <summary>Tokens per n-gram of the lower-bound filter (token bigrams).</summary>
    public int Q { get; init; } = 2;

    /// <summary>Tokens of a signature that are compared; the rest of a long text is ignored.</summary>
    public int MaxTokens { get; init; } = 64;

    /// <summary>Characters of masked text kept as a signature (the first lines of a multi-line text).</summary>
    public int MaxSignatureChars { get; init; } = 400;

    /// <summary>Characters of the representative excerpt kept per signature.</summary>
    public int MaxExcerptChars { get; init; } = 2000;

    /// <summary>Distinct job names kept per signature (memory bound; the count of occurrences is exact).</summary>
    public int MaxJobs { get; init; } = 1000;
}
