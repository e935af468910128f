using CiDoctor.History.Records;

namespace CiDoctor.History.Store;

// Database rows as Dapper fills them (settable properties convert SQLite's 64-bit integers and
// PostgreSQL's 32-bit ones alike), mapped to the records at the edge.
#pragma warning disable CA1812 // instantiated by Dapper

internal sealed class RunRow
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Repository { get; set; } = "";
    public string? RunId { get; set; }
    public long Attempt { get; set; }
    public string Workflow { get; set; } = "";
    public string? Branch { get; set; }
    public string? CommitSha { get; set; }
    public string OrderedAt { get; set; } = "";

    public StoredRun ToRecord() => new(Id, Key, Repository, RunId, (int)Attempt, Workflow, Branch, CommitSha, OrderedAt);
}

internal sealed class JobRunRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string Repository { get; set; } = "";
    public string Workflow { get; set; } = "";
    public string Job { get; set; } = "";
    public string Status { get; set; } = "";
    public string? FailedStep { get; set; }
    public string? RootCauseId { get; set; }
    public string? Signature { get; set; }

    public StoredJobRun ToRecord() => new(Id, RunId, Repository, Workflow, Job, Status, FailedStep, RootCauseId, Signature);
}

internal sealed class FailureRow
{
    public long JobRunId { get; set; }
    public string RunKey { get; set; } = "";
    public string? RunId { get; set; }
    public long Attempt { get; set; }
    public string Repository { get; set; } = "";
    public string Workflow { get; set; } = "";
    public string Job { get; set; } = "";
    public string? Branch { get; set; }
    public string? CommitSha { get; set; }
    public string OrderedAt { get; set; } = "";
    public string? RootCauseId { get; set; }
    public string? FirstCauseLine { get; set; }
    public string? Signature { get; set; }

    public StoredFailure ToRecord()
    {
        string run = new StoredRun(0, RunKey, Repository, RunId, (int)Attempt, Workflow, Branch, CommitSha, OrderedAt).Label;
        return new(JobRunId, run, Repository, Workflow, Job, Branch, CommitSha, OrderedAt, RootCauseId, FirstCauseLine, Signature);
    }
}

internal sealed class StepRunRow
{
    public long JobRunId { get; set; }
    public long Idx { get; set; }
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";

    public StoredStepRun ToRecord() => new(JobRunId, (int)Idx, Name, Status);
}

internal sealed class TestRunRow
{
    public long JobRunId { get; set; }
    public string TestId { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? Message { get; set; }

    public StoredTestRun ToRecord() => new(JobRunId, TestId, Outcome, Message);
}

internal sealed class LogRow
{
    public string Name { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
