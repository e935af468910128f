using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog;

// The naive baseline of benchmarks/compare.sh: the knowledge-base approach (like Jenkins' Build
// Failure Analyzer) — every pattern of every built-in mode, tested on every line, no prefilter.
// Patterns are the ones CiDoctor tests on every line: signals and factors; literals become
// escaped regexes. Prints the number of lines that match at least one pattern.
//   naive-scan FILE
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: naive-scan FILE   (tests every built-in catalog pattern on every line of FILE)");
    return 2;
}

var patterns = new List<Regex>();
foreach (var mode in CatalogLoader.Load([]).Modes)
{
    foreach (var spec in mode.Signals.Concat(mode.Factors))
    {
        string pattern = spec.Literal is not null ? Regex.Escape(spec.Literal) : spec.Regex ?? "";
        var options = RegexOptions.CultureInvariant | (spec.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        patterns.Add(new Regex(pattern, options));
    }
}

long matching = 0;
using var reader = new StreamReader(args[0], detectEncodingFromByteOrderMarks: true);
while (reader.ReadLine() is { } line)
{
    bool any = false;
    foreach (var regex in patterns)
    {
        // No early exit: a knowledge base reports every cause whose pattern matches.
        any |= regex.IsMatch(line);
    }
    if (any)
    {
        matching++;
    }
}
Console.Error.WriteLine($"naive-scan: {patterns.Count} patterns");
Console.WriteLine(matching);
return 0;
