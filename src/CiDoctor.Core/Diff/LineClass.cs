namespace CiDoctor.Core.Diff;

/// <summary>What a fail-log line is relative to the pass log.</summary>
internal enum LineClass : byte
{
    /// <summary>Aligned with an equal (masked) pass line, or a blank line outside any new block.</summary>
    Unchanged,

    /// <summary>Equal (masked) to a pass line that the alignment left elsewhere.</summary>
    Moved,

    /// <summary>Not in the pass log, but close to a removed pass line nearby (a changed word or count).</summary>
    Updated,

    /// <summary>Not in the pass log, and like nothing removed nearby: reported.</summary>
    New,

    /// <summary>Not yet decided: absent from the pass log, waiting for the update check.</summary>
    Candidate,
}
