namespace CiDoctor.Core.Catalog;

/// <summary>
/// The set of failure modes in use: built-in modes with user modes added or overriding them by id
/// (or by one of the built-in mode's aliases). Modes are kept sorted by id for determinism.
/// </summary>
public sealed class FailureCatalog
{
    private readonly Dictionary<string, FailureMode> _byId;

    private FailureCatalog(IReadOnlyList<FailureMode> modes)
    {
        Modes = modes;
        _byId = new Dictionary<string, FailureMode>(StringComparer.Ordinal);
        foreach (var mode in modes)
        {
            _byId[mode.Id] = mode;
        }
        foreach (var mode in modes)
        {
            foreach (string alias in mode.Aliases)
            {
                _byId.TryAdd(alias, mode);
            }
        }
    }

    /// <summary>All modes, sorted by id.</summary>
    public IReadOnlyList<FailureMode> Modes { get; }

    /// <summary>The mode with this id or alias, or null.</summary>
    public FailureMode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Later modes override earlier ones with the same id (user folders come after the built-in
    /// catalog). Two files of one folder set defining the same id is a problem.
    /// </summary>
    internal static FailureCatalog Merge(List<FailureMode> modes, List<CatalogProblem> problems)
    {
        var byId = new Dictionary<string, FailureMode>(StringComparer.Ordinal);
        foreach (var mode in modes)
        {
            string id = mode.Id;
            // A user mode may override a built-in one through its old id (alias).
            var aliased = byId.Values.FirstOrDefault(m => m.Aliases.Contains(id));
            if (aliased is not null)
            {
                id = aliased.Id;
            }
            if (byId.TryGetValue(id, out var previous) && SameOrigin(previous.SourceFile, mode.SourceFile))
            {
                problems.Add(new CatalogProblem(mode.SourceFile, 1, $"id '{mode.Id}' is also defined in {previous.SourceFile}"));
                continue;
            }
            if (aliased is not null)
            {
                byId.Remove(aliased.Id);
            }
            byId[mode.Id] = mode;
        }
        return new FailureCatalog(byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray());
    }

    // Built-in files override nothing among themselves; a user folder overrides the built-in set.
    private static bool SameOrigin(string a, string b) =>
        a.StartsWith("builtin:", StringComparison.Ordinal) == b.StartsWith("builtin:", StringComparison.Ordinal);

    /// <summary>A catalog made of exactly these modes (tests, tools).</summary>
    public static FailureCatalog Of(IEnumerable<FailureMode> modes) =>
        new(modes.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray());
}
