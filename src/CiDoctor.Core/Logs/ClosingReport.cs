using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>What one closing line says: the exit code, the failed step it names, whether it reports a failure.</summary>
internal readonly record struct ClosingReport(ClosingLine Line, int? ExitCode, string? Step, bool Fails)
{
    public FailureClass Class => Fails ? Line.Class : FailureClass.None;

    public ClosingTier Tier => Line.Tier;
}
