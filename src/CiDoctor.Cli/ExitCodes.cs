namespace CiDoctor.Cli;

/// <summary>Exit codes of every command (DESIGN.md "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Done: a diagnosis was produced, even an unknown one.</summary>
    public const int Done = 0;

    /// <summary>A condition the user asked to fail on held (e.g. catalog lint problems).</summary>
    public const int ConditionHeld = 1;

    /// <summary>Could not do it: usage, bad input, bad catalog.</summary>
    public const int Failed = 2;
}
