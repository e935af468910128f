using System.Diagnostics;
using CiDoctor.Core.Yaml;

namespace CiDoctor.Core.Tests.Yaml;

public class YamlTextTests
{
    [Fact]
    public void Parse_Mapping_KeepsOrderTextAndPositions()
    {
        var root = Assert.IsType<YamlMapping>(YamlText.Parse("# manifest\ntools: [git, 'a: b']\nenv:\n  - TMPDIR\nwritableTmp: true\n"));

        Assert.Equal(["tools", "env", "writableTmp"], root.Entries.Select(e => e.Key.Value));
        var tools = Assert.IsType<YamlSequence>(root["tools"]);
        Assert.Equal(["git", "a: b"], tools.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal((2, 8), (tools.Line, tools.Column));
        var env = Assert.IsType<YamlSequence>(root["env"]);
        Assert.Equal(4, env.Items[0].Line);
        Assert.Equal("true", Assert.IsType<YamlScalar>(root["writableTmp"]).Value);   // text, not converted
        Assert.Null(root["missing"]);
    }

    [Theory]
    [InlineData("key:")]
    [InlineData("key: ~")]
    [InlineData("key: null")]
    [InlineData("key: NULL")]
    public void Parse_PlainNulls_AreNull(string yaml) =>
        Assert.Null(Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(YamlText.Parse(yaml))["key"]).Value);

    [Theory]
    [InlineData("key: 'null'", "null")]
    [InlineData("key: \"~\"", "~")]
    [InlineData("key: ''", "")]
    public void Parse_QuotedNulls_AreText(string yaml, string text) =>
        Assert.Equal(text, Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(YamlText.Parse(yaml))["key"]).Value);

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_NoDocument_IsNull(string yaml) => Assert.Null(YamlText.Parse(yaml));

    [Theory]
    [InlineData("a: 1\nb: [x\nc: {", 0)]
    [InlineData("a: 1\na: 2\n", 2)]
    [InlineData("? [a, b]\n: c\n", 1)]
    [InlineData("a: b: c\n", 1)]
    public void Parse_NotReadable_ThrowsWithALine(string yaml, int line)
    {
        var e = Assert.Throws<YamlSyntaxException>(() => YamlText.Parse(yaml));

        Assert.True(e.Line >= 1);
        if (line > 0)
        {
            Assert.Equal(line, e.Line);
        }
        Assert.NotEmpty(e.Message);
    }

    [Fact]
    public void Parse_AnAliasBomb_StaysSmallAndQuick()
    {
        // Nine levels of ten aliases each would be 10^9 strings if aliases were expanded.
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }
        var watch = Stopwatch.StartNew();

        var root = Assert.IsType<YamlMapping>(YamlText.Parse(yaml.ToString()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var top = Assert.IsType<YamlSequence>(root["a9"]);
        Assert.Same(root["a8"], top.Items[0]);
        Assert.Same(top.Items[0], top.Items[9]);
    }

    [Fact]
    public void Write_MappingInOrder_ListsAsBlocks_QuotingOnlyWhereNeeded()
    {
        string yaml = YamlText.Write(
        [
            new("tools", new[] { "git", "a: b", "#x" }),
            new("env", Array.Empty<string>()),
            new("nested", new KeyValuePair<string, object?>[] { new("on", true), new("count", 3) }),
            new("writableTmp", true),
        ]);

        Assert.Equal("tools:\n- git\n- 'a: b'\n- '#x'\nenv: []\nnested:\n  on: true\n  count: 3\nwritableTmp: true\n", yaml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameText()
    {
        string[] names = ["plain", "with: colon", "- dash", "'quoted'", "x\"y", "trailing ", "naïve", "true", "1.5"];

        var back = Assert.IsType<YamlMapping>(YamlText.Parse(YamlText.Write([new("names", names)])));

        Assert.Equal(names, Assert.IsType<YamlSequence>(back["names"]).Items.Cast<YamlScalar>().Select(s => s.Value));
    }
}
