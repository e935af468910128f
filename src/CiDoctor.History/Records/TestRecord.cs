namespace CiDoctor.History.Records;

/// <summary>A test result from JUnit XML: <c>classname.name</c>, passed/failed/skipped, and the masked failure message.</summary>
public sealed record TestRecord(string TestId, string Outcome, string? Message);
