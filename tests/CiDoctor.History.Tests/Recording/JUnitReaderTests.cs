using CiDoctor.Core;
using CiDoctor.History.Recording;
using CiDoctor.History.Records;
using CiDoctor.Testing;

namespace CiDoctor.History.Tests.Recording;

public class JUnitReaderTests
{
    [Fact]
    public void Read_TestsuitesWithNestedSuites_GivesEveryTestWithItsOutcome()
    {
        using var dir = new TempDir();
        string path = dir.Write("report.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="outer">
                <testsuite name="inner">
                  <testcase classname="net.Client" name="connects"/>
                  <testcase classname="net.Client" name="retries"><failure message="expected 3 but was 2&#10;at line 4">trace</failure></testcase>
                </testsuite>
                <testcase name="no-class"><error>NullReferenceException: x&#10;  at Foo()</error></testcase>
                <testcase classname="net.Client" name="later"><skipped/></testcase>
              </testsuite>
            </testsuites>
            """);

        var tests = JUnitReader.Read(path);

        Assert.Equal(
            ["net.Client.connects:passed:", "net.Client.retries:failed:expected 3 but was 2", "outer.no-class:failed:NullReferenceException: x", "net.Client.later:skipped:"],
            tests.Select(t => $"{t.TestId}:{t.Outcome}:{t.Message}"));
    }

    [Fact]
    public void Read_SingleTestsuiteRoot_MasksSecretsInMessages()
    {
        using var dir = new TempDir();
        string path = dir.Write("r.xml", """<testsuite name="s"><testcase classname="c" name="n"><failure message="login failed for https://bot:hunter2@example.com/x"/></testcase></testsuite>""");

        var test = Assert.Single(JUnitReader.Read(path));

        Assert.Equal("login failed for https://bot:***@example.com/x", test.Message);
    }

    [Fact]
    public void Read_ADocumentType_IsRefusedInOneLine()
    {
        using var dir = new TempDir();
        string path = dir.Write("r.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY a \"aaaa\">]>\n<testsuite><testcase name=\"&a;\"/></testsuite>");

        var e = Assert.Throws<CiDoctorException>(() => JUnitReader.Read(path));

        Assert.Equal($"{path}: not readable JUnit XML: it has a DOCTYPE, which test reports never need and which is refused", e.Message);
    }

    [Fact]
    public void Merge_ATestReportedTwice_CountsAsFailedIfItFailedOnce()
    {
        var merged = JUnitReader.Merge([new TestRecord("b", "passed", null), new TestRecord("a", "passed", null), new TestRecord("b", "failed", "x"), new TestRecord("a", "skipped", null)]);
        Assert.Equal(["a:passed", "b:failed"], merged.Select(t => $"{t.TestId}:{t.Outcome}"));
    }
}
