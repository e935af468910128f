using System.Buffers;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Secrets;

/// <summary>
/// Masks known secret formats to <c>***</c> (DESIGN.md "Secrets"): GitHub, GitLab, Slack, AWS
/// access key ids, npm and PyPI tokens, JWTs, PEM private key blocks, passwords in URLs,
/// <c>Authorization:</c> values and values of variables named like TOKEN/SECRET/PASSWORD. Never
/// by entropy: Nix store hashes, commit ids and checksums stay, they are evidence.
/// One instance per log: a PEM block spans lines, so the masker remembers being inside one.
/// </summary>
public sealed partial class SecretMasker
{
    public const string Mask = "***";

    /// <summary>
    /// A line with none of these (ignoring case) cannot hold a secret this masker knows; most
    /// lines stop here, and the fast reader skips them unread (unless <see cref="InPrivateKey"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> MarkerLiterals =
    [
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-", "glptt-",
        "glcbt-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-", "glft-", "glsa-", "xox",
        "AKIA", "ASIA", "ABIA", "ACCA", "npm_", "pypi-", "eyJ", "PRIVATE KEY", "://", "authorization",
        "token", "secret", "password", "passwd", "api_key", "apikey", "private_key",
    ];

    private static readonly SearchValues<string> Markers = SearchValues.Create([.. MarkerLiterals], StringComparison.OrdinalIgnoreCase);

    // What Tokens() and SecretVariable() cannot match without.
    private static readonly SearchValues<string> TokenStarts = SearchValues.Create(
        ["gh", "github_pat_", "gl", "xox", "AKIA", "ASIA", "ABIA", "ACCA", "npm_", "pypi-", "eyJ"], StringComparison.Ordinal);

    private static readonly SearchValues<string> SecretNames = SearchValues.Create(
        ["token", "secret", "password", "passwd", "api_key", "apikey", "private_key"], StringComparison.OrdinalIgnoreCase);

    private bool _inPem;

    /// <summary>True inside a PEM private key block, where every line is masked.</summary>
    public bool InPrivateKey => _inPem;

    /// <summary>Masks one line; lines must be given in order for PEM blocks to be caught.</summary>
    public string MaskLine(string line)
    {
        if (_inPem)
        {
            if (line.Contains("-----END ", StringComparison.Ordinal) && line.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                _inPem = false;
            }
            return line.Trim().Length == 0 ? line : Mask;
        }
        if (line.AsSpan().IndexOfAny(Markers) < 0)
        {
            return line;
        }
        if (PemBegin().IsMatch(line))
        {
            _inPem = !PemEnd().IsMatch(line);
            return PemBegin().Replace(line, "-----BEGIN PRIVATE KEY----- " + Mask);
        }
        return MaskText(line);
    }

    /// <summary>Masks a stand-alone text (a message, a URL, an annotation).</summary>
    public static string MaskText(string text)
    {
        if (text.AsSpan().IndexOfAny(Markers) < 0)
        {
            return text;
        }
        // Each regex runs only on text holding a literal it needs: a URL line pays for one regex, not four.
        string t = text.AsSpan().IndexOfAny(TokenStarts) >= 0 ? Tokens().Replace(text, Mask) : text;
        t = t.Contains("://", StringComparison.Ordinal) ? UrlPassword().Replace(t, "${pre}" + Mask + "@") : t;
        t = t.Contains("authorization", StringComparison.OrdinalIgnoreCase) ? AuthorizationHeader().Replace(t, "${pre}" + Mask) : t;
        t = t.AsSpan().IndexOfAny(SecretNames) >= 0
            ? SecretVariable().Replace(t, m => m.Groups["value"].Value == Mask ? m.Value : m.Groups["pre"].Value + Mask)
            : t;
        if (PemBegin().IsMatch(t))
        {
            t = PemBegin().Replace(t, "-----BEGIN PRIVATE KEY----- " + Mask);
        }
        return t;
    }

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|gl[a-z]{2,6}-[A-Za-z0-9_\-]{20,}|xox[abposr]-[A-Za-z0-9\-]{10,}|(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_\-]{40,}|eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?<pre>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'""]+:)[^\s@/'""]+@", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<pre>(?i:authorization)[""']?\s*[:=]\s*[""']?(?:(?i:bearer|basic|token|bot)\s+)?)[^\s""',]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<pre>\b[A-Za-z0-9_.\-]*(?i:token|secret|password|passwd|api_key|apikey|private_key)[A-Za-z0-9_]*[""']?\s*(?:=|:|\s=>)\s*[""']?)(?<value>[^\s""',;]{3,})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SecretVariable();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PemBegin();

    [GeneratedRegex(@"-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PemEnd();
}
