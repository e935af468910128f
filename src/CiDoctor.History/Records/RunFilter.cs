namespace CiDoctor.History.Records;

/// <summary>Which runs a history window holds: the last <paramref name="Window"/> runs matching the given filters, newest first in the store.</summary>
/// <param name="Branch">Null: every branch.</param>
/// <param name="Repository">Null: every repository.</param>
public sealed record RunFilter(string? Branch = null, string? Repository = null, int Window = 50);
