namespace CiDoctor.Core.Catalog;

/// <summary>A problem found while loading or linting the catalog, at <c>file:line</c>.</summary>
public sealed record CatalogProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
