namespace CiDoctor.History.Records;

/// <summary>What <c>IRunStore.Add</c> did: recorded the run, or found it already there (and changed nothing).</summary>
public sealed record AddResult(bool Added, string Key);
