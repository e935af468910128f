namespace CiDoctor.Core.Diff;

/// <summary>
/// Groups new lines into hunks: each new line brings <c>context</c> lines on each side, and
/// windows that touch or overlap merge, as in a unified diff.
/// </summary>
internal static class HunkBuilder
{
    public static List<DiffHunk> Build(LineClass[] classes, Func<int, string> text, int context)
    {
        var hunks = new List<DiffHunk>();
        int n = classes.Length;
        int i = 0;
        while (i < n)
        {
            if (classes[i] != LineClass.New)
            {
                i++;
                continue;
            }
            int start = Math.Max(0, i - context);
            int end = i;                 // last new line of the hunk
            for (int j = i + 1; j < n && j <= end + 2 * context + 1; j++)
            {
                if (classes[j] == LineClass.New)
                {
                    end = j;
                }
            }
            int stop = Math.Min(n - 1, end + context);
            var lines = new List<DiffLine>(stop - start + 1);
            for (int j = start; j <= stop; j++)
            {
                lines.Add(new DiffLine(j + 1, text(j), classes[j] == LineClass.New));
            }
            hunks.Add(new DiffHunk(lines));
            i = stop + 1;
        }
        return hunks;
    }
}
