namespace CiDoctor.Core.Model;

/// <summary>Whose it is to fix (DESIGN.md "Names used everywhere").</summary>
public enum Origin { Unknown, Environment, Code, Flaky, Config, Benign }

/// <summary>How bad a failure mode is when it is the cause.</summary>
public enum Severity { Low, Medium, High, Critical }

/// <summary>Status of a job or a step.</summary>
public enum RunStatus { Unknown, Failed, Passed, Cancelled, Skipped }

/// <summary>When a recommended action should be taken.</summary>
public enum ActionWhen { Immediate, ShortTerm, LongTerm }

/// <summary>Rough effort of a recommended action.</summary>
public enum Effort { Minutes, Hours, Days }

/// <summary>Role of an evidence line: the cause itself, or a line that helps to read it.</summary>
public enum EvidenceRole { Cause, Context }

/// <summary>Where an evidence line comes from.</summary>
public enum EvidenceSource { Log, Annotation, Snapshot }
