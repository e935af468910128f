namespace CiDoctor.History.Clustering;

/// <summary>What the clusterer keeps per distinct signature: counts, times, jobs and one real text.</summary>
internal sealed class SignatureStats(string signature)
{
    public string Signature { get; } = signature;

    public long Count { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public HashSet<string> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>One text of this signature (secrets masked, cut): the earliest seen.</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>The excerpt's time: the excerpt is the text with the earliest time (then the smallest), so it does not depend on the order texts arrive in.</summary>
    public DateTimeOffset? ExcerptSeen { get; set; }

    public void Add(string text, FailureMetadata? meta, int maxJobs, int maxExcerpt)
    {
        Count++;
        var at = meta?.SeenAt;
        if (at is not null)
        {
            FirstSeen = FirstSeen is null || at < FirstSeen ? at : FirstSeen;
            LastSeen = LastSeen is null || at > LastSeen ? at : LastSeen;
        }
        if (meta?.Job is { } job && Jobs.Count < maxJobs)
        {
            Jobs.Add(job);
        }
        var cut = text.AsSpan(0, Math.Min(text.Length, maxExcerpt));
        if (Count == 1 || Earlier(at, cut))
        {
            Excerpt = cut.ToString();
            ExcerptSeen = at;
        }
    }

    // Texts with a time come before texts without; then the earlier time; then the ordinal order.
    private bool Earlier(DateTimeOffset? at, ReadOnlySpan<char> text)
    {
        if (at != ExcerptSeen)
        {
            return at is not null && (ExcerptSeen is null || at < ExcerptSeen);
        }
        return text.SequenceCompareTo(Excerpt) < 0;
    }
}
