namespace CiDoctor.Testing;

/// <summary>Writes evaluation cases (a folder with fail.log, truth.json and maybe pass.log) into a <see cref="TempDir"/>.</summary>
public static class EvalCaseWriter
{
    /// <summary>Writes the case folder <paramref name="relative"/>; returns its full path.</summary>
    public static string WriteCase(this TempDir dir, string relative, string failLog, string truthJson, string? passLog = null)
    {
        dir.Write(relative + "/fail.log", failLog);
        dir.Write(relative + "/truth.json", truthJson);
        if (passLog is not null)
        {
            dir.Write(relative + "/pass.log", passLog);
        }
        return dir.File(relative);
    }

    /// <summary>The lines joined with <c>\n</c>, ending with one.</summary>
    public static string Log(params string[] lines) => string.Join("\n", lines) + "\n";
}
