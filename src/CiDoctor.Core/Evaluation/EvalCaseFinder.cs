namespace CiDoctor.Core.Evaluation;

/// <summary>
/// Finds cases the way the reference scorer does (<c>os.walk</c> with sorted folder names): a
/// folder is a case when it holds both truth.json and fail.log; a folder comes before its
/// sub-folders, sub-folders in ordinal order; links to folders are not followed.
/// </summary>
public static class EvalCaseFinder
{
    public static IReadOnlyList<EvalCase> Find(string root, string set = EvalSets.All, int limit = 0)
    {
        var cases = new List<EvalCase>();
        Walk(root, root, set, cases);
        return limit > 0 && cases.Count > limit ? cases[..limit] : cases;
    }

    private static void Walk(string root, string folder, string set, List<EvalCase> cases)
    {
        if (File.Exists(Path.Combine(folder, "truth.json")) && File.Exists(Path.Combine(folder, "fail.log")))
        {
            var found = Read(root, folder);
            if (set == EvalSets.All || set == found.Set)
            {
                cases.Add(found);
            }
        }
        string[] children;
        try
        {
            children = Directory.GetDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // os.walk skips folders it cannot list
        }
        foreach (string child in children.Where(c => new DirectoryInfo(c).LinkTarget is null).Order(StringComparer.Ordinal))
        {
            Walk(root, child, set, cases);
        }
    }

    private static EvalCase Read(string root, string folder)
    {
        string name = Path.GetRelativePath(root, folder).Replace('\\', '/');
        string top = name.Split('/')[0];
        string path = Path.Combine(folder, "truth.json");
        try
        {
            var truth = EvalTruth.Read(path);
            return new EvalCase(folder, name, EvalSets.Classify(truth.Source, top), truth);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Without a source, the top folder decides (cidiff/ and logchunks/ hold those sources).
            string set = top is EvalSets.CiDiff or EvalSets.LogChunks ? top : EvalSets.Classify("", top);
            return new EvalCase(folder, name, set, null, e is InvalidDataException ? e.Message : $"{path}: {e.Message}");
        }
    }
}
