using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Output of <c>nix build</c>, <c>nix-build</c>, <c>nix flake check</c> and <c>nix develop</c>.
/// Each <c>building '/nix/store/&lt;hash&gt;-NAME.drv'...</c> starts a step named NAME (the
/// derivation name without store hash and <c>.drv</c>, e.g. <c>bws-1.0.0</c>). Builds run in
/// parallel, so builder output (<c>nix build -L</c>) is attributed by its prefix, whatever step
/// started last; the prefix is the name without its version as Nix's <c>DrvName</c> splits it
/// (<c>bws&gt; </c> for <c>bws-1.0.0</c>, <c>bws (post)&gt; </c> for the post-build hook) and stays
/// in the text (it is the evidence). A builder failure is
/// <c>error: builder for '….drv' failed with exit code N;</c> (nix 2.4+), the same without
/// <c>error: </c> (nix 2.3), or <c>error: Cannot build '….drv'.</c> then
/// <c>Reason: builder failed with exit code N.</c> (newer nix); the indented lines under it
/// (<c>last N log lines:</c>, <c>&gt; …</c>) belong to that derivation. The failed step is the
/// derivation whose builder failed first (a hash mismatch fails its derivation too), and the
/// job's exit code is that builder's exit code, not nix's own (1, or 100 for build failures).
/// <c>N dependencies of derivation '….drv' failed to build</c> reports a cascade, not a step.
/// </summary>
internal sealed partial class NixLogReader : ILogReader
{
    public string Ci => "nix";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            string line = LogParser.StripIsoTimestamp(TextCleaner.StripAnsi(raw));
            if (line.StartsWith("##[", StringComparison.Ordinal))
            {
                // Nix run inside a GitHub Actions job: the log is GitHub's.
                return 0;
            }
            if (line.StartsWith("building '/nix/store/", StringComparison.Ordinal))
            {
                score += 10;
            }
            else if (line.Contains("builder for '/nix/store/", StringComparison.Ordinal) || line.StartsWith("error: Cannot build '/nix/store/", StringComparison.Ordinal))
            {
                score += 20;
            }
            else if (DerivationsWillBeBuilt().IsMatch(line))
            {
                score += 15;
            }
            else if (line.StartsWith("copying path '/nix/store/", StringComparison.Ordinal))
            {
                score += 5;
            }
        }
        // Kept below every CI format's own markers: Nix output inside a CI log belongs to that CI.
        return Math.Min(score, 40);
    }

    public LogParser CreateParser() => new Parser();

    /// <summary><c>/nix/store/0a1b…-bws-1.0.0.drv</c> gives <c>bws-1.0.0</c>.</summary>
    private const string DrvPath = @"/nix/store/[0-9a-df-np-sv-z]{32}-([^'/]+?)\.drv";

    [GeneratedRegex(@"^these (?:\d+ )?derivations? will be built:", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DerivationsWillBeBuilt();

    [GeneratedRegex(@"^building '" + DrvPath + @"'(?: on '[^']*')?\.\.\.", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Building();

    [GeneratedRegex(@"^(?:error: )?builder for '" + DrvPath + @"' failed (?:with exit code (-?\d+)|due to signal (\d+))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BuilderFailed();

    [GeneratedRegex(@"^error: .*Cannot build '" + DrvPath + @"'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CannotBuild();

    [GeneratedRegex(@"^\s+Reason: builder failed (?:with exit code (-?\d+)|due to signal (\d+))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Reason();

    [GeneratedRegex(@"^error: hash mismatch in fixed-output derivation '" + DrvPath + @"'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HashMismatch();

    [GeneratedRegex(@"dependencies of derivation '/nix/store/[^']+' failed to build|cannot build derivation '/nix/store/[^']+': \d+ dependencies couldn't be built|^error: build of '/nix/store/", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DependencyFailed();

    private sealed class Parser : LogParser
    {
        private readonly Dictionary<string, int> _steps = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal);
        private bool _failed;
        private bool _inBlock;
        private int _block = -1;
        private string? _cannotBuild;
        private bool _prefixed;
        private int _last = -1;

        public override string Ci => "nix";

        protected override IReadOnlyList<string> FormatMarkers => ["building '", "> ", "/nix/store/"];

        // Inside a failure's block, indented lines belong to it.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => !_inBlock;

        public override int QuietStep => _prefixed || _last < 0 ? -1 : _last;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        public override void OnQuietLines(long first, long last) => Unprefixed(last);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = CleanWithIsoTimestamp(raw);
            if (_inBlock)
            {
                // The indented lines of an error block belong to the derivation it names.
                if (text.Length > 0 && char.IsWhiteSpace(text[0]))
                {
                    BlockLine(text, number);
                    ExtendStep(_block, number);
                    return new LogLine(number, text, _block);
                }
                _inBlock = false;
                _cannotBuild = null;
            }
            if (text.StartsWith("building '", StringComparison.Ordinal))
            {
                var building = Building().Match(text);
                if (building.Success)
                {
                    int step = AddStep(building.Groups[1].Value, number);
                    return new LogLine(number, text, step, LineKind.Marker);
                }
            }
            int prefix = text.IndexOf("> ", StringComparison.Ordinal);
            if (prefix > 0 && _prefixes.TryGetValue(BuilderName(text.AsSpan(0, prefix)), out int owner))
            {
                _prefixed = true;
                ExtendStep(owner, number);
                return new LogLine(number, text, owner);
            }
            if (text.Contains("/nix/store/", StringComparison.Ordinal))
            {
                return FailureLine(number, text);
            }
            return new LogLine(number, text, Unprefixed(number));
        }

        /// <summary>
        /// A line without a builder prefix: Nix's own once builder output is prefixed
        /// (<c>-L</c>), else (<c>nix-build</c>, one build at a time) the output of the last build started.
        /// </summary>
        private int Unprefixed(long number)
        {
            if (_prefixed || _last < 0)
            {
                return -1;
            }
            ExtendStep(_last, number);
            return _last;
        }

        /// <summary>
        /// Adds a derivation's step, closed at once: builds interleave, so a step grows only by the
        /// lines that belong to it (<see cref="LogParser.ExtendStep"/>), never by the last one started.
        /// </summary>
        private int AddStep(string name, long number)
        {
            BeginStep(name, number);
            int index = CurrentStep;
            EndStep(number);
            _steps[name] = index;
            _prefixes[ShortName(name)] = index;
            _last = index;
            return index;
        }

        private LogLine FailureLine(long number, string text)
        {
            var builder = BuilderFailed().Match(text);
            if (builder.Success)
            {
                OpenBlock(StepOf(builder.Groups[1].Value, number));
                BuilderFailedAt(_block, Code(builder, 2), number);
                return new LogLine(number, text, _block);
            }
            var cannot = CannotBuild().Match(text);
            if (cannot.Success)
            {
                // The reason (builder failure or failed dependencies) follows on an indented line;
                // a derivation that never started gets a step only if its builder failed.
                string name = cannot.Groups[1].Value;
                OpenBlock(_steps.TryGetValue(name, out int known) ? known : -1);
                _cannotBuild = name;
                return new LogLine(number, text, _block);
            }
            var mismatch = HashMismatch().Match(text);
            if (mismatch.Success)
            {
                OpenBlock(StepOf(mismatch.Groups[1].Value, number));
                BuilderFailedAt(_block, null, number);
                return new LogLine(number, text, _block);
            }
            if (DependencyFailed().IsMatch(text) && !_failed)
            {
                JobEnded(RunStatus.Failed, null, number);
            }
            return new LogLine(number, text, Unprefixed(number));
        }

        private void OpenBlock(int step)
        {
            _inBlock = true;
            _block = step;
        }

        private void BlockLine(string text, long number)
        {
            if (_cannotBuild is null)
            {
                return;
            }
            var reason = Reason().Match(text);
            if (reason.Success)
            {
                _block = StepOf(_cannotBuild, number);
                BuilderFailedAt(_block, Code(reason), number);
                _cannotBuild = null;
            }
            else if (text.TrimStart().StartsWith("Reason: ", StringComparison.Ordinal) && !_failed)
            {
                // "Reason: 1 dependency failed." — a cascade; the cause is reported elsewhere.
                JobEnded(RunStatus.Failed, null, number);
            }
        }

        /// <summary>
        /// The name Nix prints before builder output: the part before the first <c>-</c> that is
        /// followed by a non-letter (<c>bws-1.0.0</c> → <c>bws</c>, <c>home-manager-path</c> unchanged).
        /// </summary>
        private static string ShortName(string name)
        {
            for (int i = 0; i + 1 < name.Length; i++)
            {
                if (name[i] == '-' && !char.IsAsciiLetter(name[i + 1]))
                {
                    return name[..i];
                }
            }
            return name;
        }

        /// <summary><c>bws</c> from <c>bws</c> or <c>bws (post)</c>.</summary>
        private static string BuilderName(ReadOnlySpan<char> prefix) =>
            (prefix.EndsWith(" (post)", StringComparison.Ordinal) ? prefix[..^7] : prefix).ToString();

        /// <summary>The step of a derivation; one that failed without a <c>building</c> line gets its own.</summary>
        private int StepOf(string name, long number)
        {
            return _steps.TryGetValue(name, out int index) ? index : AddStep(name, number);
        }

        private void BuilderFailedAt(int step, int? code, long number)
        {
            SetStepOutcome(step, RunStatus.Failed, code, number);
            if (!_failed)
            {
                _failed = true;
                SetFailedStep(step);
                JobEnded(RunStatus.Failed, code, number);
            }
        }

        /// <summary>An exit code, or 128 + N for a builder killed by signal N (what a shell reports).</summary>
        private static int? Code(Match match, int first = 1)
        {
            if (match.Groups[first].Success)
            {
                return int.Parse(match.Groups[first].ValueSpan);
            }
            return match.Groups[first + 1].Success ? 128 + int.Parse(match.Groups[first + 1].ValueSpan) : null;
        }
    }
}
