using CiDoctor.Core.Reports;
using CiDoctor.Core.Reports.Html;

namespace CiDoctor.Core.Tests.Reports;

/// <summary>What the HTML report does to text before writing it.</summary>
public class HtmlTextTests
{
    [Theory]
    [InlineData("plain text stays", "plain text stays")]
    [InlineData("a < b && \"c\" > 'd'", "a &lt; b &amp;&amp; &quot;c&quot; &gt; &#39;d&#39;")]
    [InlineData("bell\u0007 esc\u001b tab\t", "bell\u2407 esc\u241b tab\t")]
    [InlineData("del\u007f c1\u0085", "del\uFFFD c1\uFFFD")]
    [InlineData("❌ darwin:stibnite é", "❌ darwin:stibnite é")]
    [InlineData(null, "")]
    public void Encode_Text_EscapesMarkupAndControlCharactersOnly(string? text, string expected) =>
        Assert.Equal(expected, HtmlText.Encode(text));

    [Theory]
    [InlineData("use `nix eval` not `nix flake show`", "use <code>nix eval</code> not <code>nix flake show</code>")]
    [InlineData("one ` tick", "one ` tick")]
    [InlineData("`a<b` then ` open", "<code>a&lt;b</code> then ` open")]
    [InlineData("no code <here>", "no code &lt;here&gt;")]
    public void Inline_Backticks_BecomeCodeElements(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Inline(text));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(485, "8m5s")]
    [InlineData(3725, "1h2m")]
    public void Duration_Seconds_ReadLikeTheMarkdownReport(double seconds, string expected) =>
        Assert.Equal(expected, ReportText.Duration(seconds));

    [Fact]
    public void Anchors_JobAndLine_AreStable()
    {
        Assert.Equal("job-2", HtmlText.JobAnchor(2));
        Assert.Equal("j2-L320", HtmlText.LineAnchor(2, 320));
    }
}
