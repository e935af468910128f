using System.Xml;
using CiDoctor.Core;
using CiDoctor.Core.Secrets;
using CiDoctor.History.Records;

namespace CiDoctor.History.Recording;

/// <summary>
/// Reads test results from JUnit XML, the format every test framework can write: a
/// <c>&lt;testsuites&gt;</c> or <c>&lt;testsuite&gt;</c> root (suites may nest) holding
/// <c>&lt;testcase classname name&gt;</c> elements, failed when they hold <c>&lt;failure&gt;</c>
/// or <c>&lt;error&gt;</c>, skipped with <c>&lt;skipped&gt;</c>. A test's id is
/// <c>classname.name</c> (the suite name stands in for a missing classname). Bounded: no DTD, no
/// external entities, at most <see cref="MaxChars"/> characters, messages cut to one masked line.
/// </summary>
public static class JUnitReader
{
    /// <summary>Characters a report may hold (a 100k-test report is ~30 MB).</summary>
    public const long MaxChars = 256L << 20;

    /// <summary>Characters of a failure message kept (its first line, masked).</summary>
    public const int MaxMessageChars = 500;

    public static IReadOnlyList<TestRecord> Read(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxChars,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        var tests = new List<TestRecord>();
        var suites = new Stack<string>();
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "testsuite")
                {
                    suites.TryPop(out _);
                }
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.LocalName == "testsuite")
                {
                    if (!reader.IsEmptyElement)
                    {
                        suites.Push(reader.GetAttribute("name") ?? "");
                    }
                }
                else if (reader.LocalName == "testcase")
                {
                    tests.Add(ReadCase(reader, suites.Count > 0 ? suites.Peek() : ""));
                }
            }
        }
        catch (XmlException e)
        {
            // XmlException's text ends in advice meant for programmers ("set DtdProcessing to Parse"): keep its first sentence.
            string why = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "it has a DOCTYPE, which test reports never need and which is refused"
                : e.Message.Split(". ")[0];
            throw new CiDoctorException($"{path}{(e.LineNumber > 0 ? $":{e.LineNumber}" : "")}: not readable JUnit XML: {why}", e);
        }
        return tests;
    }

    private static TestRecord ReadCase(XmlReader reader, string suite)
    {
        string name = reader.GetAttribute("name") ?? "";
        string? classname = reader.GetAttribute("classname");
        string owner = string.IsNullOrEmpty(classname) ? suite : classname;
        string id = owner.Length == 0 ? name : $"{owner}.{name}";
        if (reader.IsEmptyElement)
        {
            return new TestRecord(id, "passed", null);
        }
        string outcome = "passed";
        string? message = null;
        using (var inner = reader.ReadSubtree())
        {
            while (inner.Read())
            {
                if (inner.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (inner.LocalName is "failure" or "error")
                {
                    outcome = "failed";
                    message ??= Message(inner);
                }
                else if (inner.LocalName == "skipped" && outcome == "passed")
                {
                    outcome = "skipped";
                }
            }
        }
        return new TestRecord(id, outcome, message);
    }

    // The message attribute, else the first non-empty line of the element's text.
    private static string? Message(XmlReader failure)
    {
        string? text = failure.GetAttribute("message");
        if (string.IsNullOrWhiteSpace(text) && !failure.IsEmptyElement)
        {
            text = failure.ReadElementContentAsString();
        }
        string? line = text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null)
        {
            return null;
        }
        line = SecretMasker.MaskText(line);
        return line.Length > MaxMessageChars ? line[..MaxMessageChars] + "…" : line;
    }

    /// <summary>One result per test id: a test reported twice in a job counts as failed if it failed once.</summary>
    public static IReadOnlyList<TestRecord> Merge(IEnumerable<TestRecord> tests) =>
        tests.GroupBy(t => t.TestId, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(t => t.Outcome == "failed") ?? g.FirstOrDefault(t => t.Outcome == "passed") ?? g.First())
            .OrderBy(t => t.TestId, StringComparer.Ordinal)
            .ToList();
}
