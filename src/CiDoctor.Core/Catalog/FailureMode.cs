using CiDoctor.Core.Model;

namespace CiDoctor.Core.Catalog;

/// <summary>
/// A text pattern of a mode: a literal (substring) or a regex, as written in the catalog.
/// <c>Label</c> and <c>Within</c> are used by context patterns, <c>Text</c> by factors.
/// </summary>
public sealed record PatternSpec(string? Literal, string? Regex, bool IgnoreCase, string? Label = null, int Within = 0, string? Text = null)
{
    /// <summary>The pattern as written, for messages.</summary>
    public string Display => Literal ?? Regex ?? "";
}

/// <summary>
/// One failure mode of the catalog (DESIGN.md "The catalog"): a distinct failure mechanism with
/// the signals that show it in a log, what it means and what to do.
/// </summary>
public sealed record FailureMode
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required Origin Origin { get; init; }
    public required Severity Severity { get; init; }
    public IReadOnlyList<string> Ci { get; init; } = [];
    public required IReadOnlyList<PatternSpec> Signals { get; init; }
    public IReadOnlyList<PatternSpec> Unless { get; init; } = [];
    public IReadOnlyList<PatternSpec> Context { get; init; } = [];
    public string? Explain { get; init; }
    public IReadOnlyList<PatternSpec> Factors { get; init; } = [];
    public IReadOnlyList<RecommendedAction> Actions { get; init; } = [];
    public string? Principle { get; init; }
    public IReadOnlyList<string> Supersedes { get; init; } = [];
    public IReadOnlyList<string> ExamplesMatch { get; init; } = [];
    public IReadOnlyList<string> ExamplesNoMatch { get; init; } = [];

    /// <summary>Where the mode was defined (path as loaded, or <c>builtin:catalog/…</c>).</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>True for noise modes: listed as noise, never the cause.</summary>
    public bool IsBenign => Origin == Origin.Benign;
}
