namespace CiDoctor.Core.Reports;

/// <summary>
/// The output formats of one kind of report: format name → how to make its renderer. It is the
/// one list of the names: a host's <c>--format</c> choices come from <see cref="Names"/>, and
/// every lookup goes through <see cref="Create"/>. Immutable: <see cref="Add(string, Func{RenderTarget, TRenderer})"/>
/// returns a new registry, so a shared one (<see cref="ReportRenderers.Core"/>) cannot be changed by a host.
/// <code>
/// var formats = new RendererRegistry&lt;IReportRenderer&gt;()
///     .Add("text", t => new TextReportRenderer(t.Color))
///     .Add(ReportRenderers.Core);                          // markdown, json, html
/// var renderer = formats.Create("json", new RenderTarget());
/// </code>
/// </summary>
/// <typeparam name="TRenderer">The renderer type (<see cref="IReportRenderer"/>, <c>IRenderer&lt;EvalReport&gt;</c>, …).</typeparam>
public sealed class RendererRegistry<TRenderer>
    where TRenderer : class
{
    private readonly IReadOnlyList<(string Name, Func<RenderTarget, TRenderer> Create)> _entries;

    public RendererRegistry()
        : this([])
    {
    }

    private RendererRegistry(IReadOnlyList<(string Name, Func<RenderTarget, TRenderer> Create)> entries) => _entries = entries;

    /// <summary>The format names, in the order they were added (the order help and errors list them in).</summary>
    public IReadOnlyList<string> Names => [.. _entries.Select(e => e.Name)];

    /// <summary>A registry with one more format; a name can be added only once.</summary>
    /// <param name="create">Makes the renderer; it may check what it needs (a file it will write) and throw <see cref="CiDoctorException"/>.</param>
    public RendererRegistry<TRenderer> Add(string name, Func<RenderTarget, TRenderer> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (Contains(name))
        {
            throw new ArgumentException($"the format '{name}' is registered already", nameof(name));
        }
        return new RendererRegistry<TRenderer>([.. _entries, (name, create)]);
    }

    /// <summary>A registry with the formats of <paramref name="other"/> added after these, in their order.</summary>
    public RendererRegistry<TRenderer> Add(RendererRegistry<TRenderer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other._entries.Aggregate(this, (registry, e) => registry.Add(e.Name, e.Create));
    }

    public bool Contains(string name) => _entries.Any(e => e.Name == name);

    /// <summary>The renderer of format <paramref name="name"/>; an unknown name is a <see cref="CiDoctorException"/> listing the known ones.</summary>
    public TRenderer Create(string name, RenderTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (entry, create) in _entries)
        {
            if (entry == name)
            {
                return create(target);
            }
        }
        throw new CiDoctorException($"format '{name}' is not known; use one of: {string.Join(", ", Names)}");
    }
}
