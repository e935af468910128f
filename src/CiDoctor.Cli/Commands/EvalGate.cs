using System.Globalization;
using CiDoctor.Core;
using CiDoctor.Core.Evaluation;

namespace CiDoctor.Cli.Commands;

/// <summary>
/// A <c>--min KEY=VALUE</c> or <c>--max KEY=VALUE</c> condition on a figure, as in the reference
/// scorer: a missing figure falls short too.
/// </summary>
public sealed record EvalGate(string Key, double Limit, bool IsMin)
{
    public static EvalGate Parse(string text, bool isMin)
    {
        string option = isMin ? "--min" : "--max";
        int eq = text.LastIndexOf('=');
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double limit))
        {
            throw new CiDoctorException($"{option} {text}: expected KEY=VALUE, e.g. {option} issues.kind_acc=0.9");
        }
        return new EvalGate(text[..eq], limit, isMin);
    }

    /// <summary>Null when the figure meets the gate, else what fell short (<c>issues.kind_acc=0.812 &lt; 0.9</c>).</summary>
    public string? Check(EvalReport report)
    {
        double? got = report.Value(Key) ?? (report.SecondsPerCase.TryGetValue(Key, out double s) ? s : null);
        if (got is double g && (IsMin ? g >= Limit : g <= Limit))
        {
            return null;
        }
        string shown = got is double v ? Math.Round(v, 3).ToString(CultureInfo.InvariantCulture) : "none";
        return $"{Key}={shown} {(IsMin ? "<" : ">")} {Limit.ToString(CultureInfo.InvariantCulture)}";
    }
}
