namespace CiDoctor.Core.Evaluation;

/// <summary>
/// One labelled case: a folder holding fail.log, truth.json and maybe pass.log.
/// </summary>
/// <param name="Folder">The case folder's path (under the root as given).</param>
/// <param name="Name">The folder relative to the root, with <c>/</c> separators (<c>cidiff/breakages/astor_400</c>).</param>
/// <param name="Set">cidiff, logchunks, issues or formats (<see cref="EvalSets"/>).</param>
/// <param name="Truth">The labels; null when truth.json could not be read.</param>
/// <param name="TruthError">Why truth.json could not be read (names the file); the case then counts as an error.</param>
public sealed record EvalCase(string Folder, string Name, string Set, EvalTruth? Truth, string? TruthError = null)
{
    public string FailLog => Path.Combine(Folder, "fail.log");

    public string PassLog => Path.Combine(Folder, "pass.log");

    public bool HasPassLog => File.Exists(PassLog);
}
