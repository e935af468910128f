using CiDoctor.Core.Catalog;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Turns one job's evidence into its diagnosis (DESIGN.md "Diagnosis"): status, failed step and
/// exit code, the ranked root cause with origin and confidence, the evidence lines in rank order,
/// cascades and noise. With no mode matched: <c>rootCause: null</c>, origin unknown, and the most
/// informative blocks of lines as evidence.
/// </summary>
internal sealed class Diagnoser(FailureCatalog catalog, DiagnosisOptions? options = null)
{
    private readonly DiagnosisOptions _options = options ?? new DiagnosisOptions();

    public JobDiagnosis Diagnose(JobEvidence job)
    {
        var diagnosis = DiagnoseAsRead(job);
        // A heuristic that hides lines must not hide the only explanation. Echo lines (a step's
        // script as the CI system prints it) are hidden because a script can name an error
        // without having one; but the reader can take output for echo (a log cut inside
        // GitHub's "##[group]Run …" header, before its "##[endgroup]"). So when nothing outside
        // them explains the failure, the job is diagnosed again as if they were output. Only
        // then: a job with evidence elsewhere (an earlier step's error) keeps it, and its
        // script does not become "the failing command's last output". Quiet lines need no such
        // pass (the step tails keep them); noise stays out of the evidence in both
        // (AddFallbackEvidence). docs/DECISIONS.md, "Hidden lines count when nothing else
        // explains the failure".
        if (Unexplained(diagnosis) && job.Scan is { HasEcho: true } scan)
        {
            var asOutput = DiagnoseAsRead(job with { Scan = scan.EchoAsOutput() });
            if (!Unexplained(asOutput))
            {
                return asOutput;
            }
        }
        return diagnosis;
    }

    // A job that failed (or may have: a bare log's status is unknown) with no root cause and no
    // log line as evidence but the CI system's own closing line (which says that it ended, not why).
    private static bool Unexplained(JobDiagnosis diagnosis) =>
        diagnosis.Status is not (RunStatus.Passed or RunStatus.Skipped)
        && diagnosis.RootCause is null
        && !diagnosis.Evidence.Any(e => e.Line is not null && e.Label != ClosingLabel);

    private JobDiagnosis DiagnoseAsRead(JobEvidence job)
    {
        var findings = MergeFindings(job);
        var counts = job.Scan?.FindingCounts ?? new Dictionary<string, int>();
        var ranker = new ModeRanker(_options);
        var status = StatusOf(job, findings);
        var noise = Noise(findings);
        if (status is RunStatus.Passed or RunStatus.Skipped)
        {
            var quiet = ranker.Rank(catalog, findings, counts, job.Log);
            return new JobDiagnosis(job.Name, job.Id, job.File, status, null, ExitCode(job), Origin.Unknown, null, [], null, [], noise,
                Facts(job, quiet, quiet.FirstOrDefault(r => !r.Incidental)));
        }

        // The job's structure first (how the CI system reported its end, the exit code, the failed
        // step's phase): it gives the origin when no mode explains the failure, and it is a second
        // opinion in the ranking and the confidence when one does.
        var blocks = job.Scan is not null && job.Log is not null ? EvidenceBlocks.Rank(job.Scan, job.Log) : [];
        int? exitCode = ExitCode(job);
        bool showsErrors = blocks.Any(b => LineScorer.Score(b.Lead.Text) > 0);
        bool stepFromRun = job.Meta?.Steps.Any(st => st.Status == RunStatus.Failed) == true;
        var structure = StructuralVerdict.Of(StructuralVerdict.FactsOf(job.Log, exitCode, ReportedStep(job), status, showsErrors, stepFromRun));
        var ranked = ranker.Rank(catalog, findings, counts, job.Log, structure is null ? null : structure.AgreementWith);
        var root = ranked.FirstOrDefault(r => !r.Incidental);
        string? failedStep = FailedStep(job, root);
        var decision = CauseDecision.Decide(job, root, ranked, structure, _options);

        var evidence = new EvidenceBuilder(_options.MaxEvidence);
        evidence.Exclude(noise.Select(n => n.Line));
        // Lines the passing log also has explain nothing about this failure.
        evidence.Exclude(job.Scan?.Familiar ?? new HashSet<long>());
        var closing = ClosingLine(job);
        // Lost runner, system failure, time limit: the CI system's closing line says why the job
        // ended. An exit report ("exit code 1") only says that the script failed.
        bool closingExplains = structure is not null && decision.Mode is null
            && job.Log?.FailureClass is not (null or FailureClass.None or FailureClass.Script);
        if (closing is { } said && closingExplains)
        {
            // The CI system's own word on how the job ended is the cause when nothing in the script explains it.
            evidence.Add(said.Number, said.Text, EvidenceRole.Cause, ClosingLabel);
        }
        if (decision.Mode is { } mode)
        {
            AddRootEvidence(evidence, job, mode, ranked, blocks);
            if (decision.Symptom is { } symptom)
            {
                evidence.Add(symptom.Line, symptom.Text, EvidenceRole.Context, symptom.Label);
            }
        }
        else
        {
            AddFallbackEvidence(evidence, job, blocks);
        }
        if (closing is { } end && structure is not null && decision.Mode is null && !showsErrors)
        {
            // An exit report says that the script failed, not why; it is shown when the log has
            // no error output of its own, as the one line that says how the job ended.
            evidence.Add(end.Number, end.Text, EvidenceRole.Context, ClosingLabel);
        }
        foreach (var annotation in job.Meta?.Annotations ?? [])
        {
            if (annotation.Level is "failure" or "error")
            {
                evidence.AddAnnotation(Finding.Cut(annotation.Message), decision.Mode is null || job.Log is null ? EvidenceRole.Cause : EvidenceRole.Context);
            }
        }

        return new JobDiagnosis(
            job.Name, job.Id, job.File, status, failedStep, exitCode,
            decision.Origin, decision.Cause, evidence.Build(), null, job.Cascades, noise, Facts(job, ranked, decision.Mode))
        {
            OriginReason = decision.OriginReason,
        };
    }

    private const string ClosingLabel = "how the CI system ended the job";

    // The CI system's closing line: the reader's failure report when it kept one, found among the
    // kept lines (the log's tail), else the line the reader took as the failure report.
    private static LogLine? ClosingLine(JobEvidence job)
    {
        if (job.Scan is not { } scan || job.Log is not { } log)
        {
            return null;
        }
        if (log.FailureReport is { } report)
        {
            foreach (var kept in scan.Kept.Values.Reverse())
            {
                if (kept.Text.Contains(report, StringComparison.Ordinal))
                {
                    return kept;
                }
            }
        }
        return log.FailureLine is long at && scan.Kept.TryGetValue(at, out var line) && line.Text.Trim().Length > 0 ? line : null;
    }

    private static Dictionary<string, IReadOnlyList<Finding>> MergeFindings(JobEvidence job)
    {
        var all = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        foreach (var (id, list) in job.Scan?.Findings ?? new Dictionary<string, IReadOnlyList<Finding>>())
        {
            all[id] = list;
        }
        foreach (var (id, list) in job.AnnotationFindings)
        {
            all[id] = all.TryGetValue(id, out var existing) ? existing.Concat(list).ToArray() : list;
        }
        return all;
    }

    private RunStatus StatusOf(JobEvidence job, IReadOnlyDictionary<string, IReadOnlyList<Finding>> findings)
    {
        if (job.Meta is { Status: not RunStatus.Unknown } meta)
        {
            return meta.Status;
        }
        if (job.Log is { Status: not RunStatus.Unknown } log)
        {
            return log.Status;
        }
        // A bare log handed to `diagnose` is a failed job's log unless it shows nothing wrong.
        bool looksFailed = findings.Keys.Any(id => catalog.Find(id) is { IsBenign: false })
            || (job.Scan?.Candidates.Any(c => c.Score >= 4) ?? false);
        return looksFailed ? RunStatus.Failed : RunStatus.Unknown;
    }

    private void AddRootEvidence(EvidenceBuilder evidence, JobEvidence job, RankedMode root, IReadOnlyList<RankedMode> ranked, IReadOnlyList<EvidenceBlock> blocks)
    {
        var findingsRole = EvidenceRole.Cause;
        if (ReportsOnly(root) && Explaining(blocks, root, job.Scan) is { } explaining)
        {
            // "make: *** Error 2" says that a command failed; the block above it says why.
            AddBlock(evidence, explaining, EvidenceRole.Cause, _options.BlockLines);
            findingsRole = EvidenceRole.Context;
        }
        foreach (var finding in CauseFindings(root).Take(_options.CauseLines))
        {
            if (finding.Line == 0)
            {
                evidence.AddAnnotation(finding.Text, findingsRole);
            }
            else
            {
                evidence.Add(finding.Line, finding.Text, findingsRole);
            }
        }
        var scan = job.Scan;
        if (scan is null)
        {
            return;
        }
        if (root.Mode.Kind == "timeout" && root.Lead.Line > 0)
        {
            // A run stopped for taking too long: its last output shows where it hung.
            foreach (var line in EvidenceBlocks.LastOutputBefore(scan, root.Lead.Line, 2))
            {
                evidence.Add(line.Number, line.Text, EvidenceRole.Context, "last output before the stop");
            }
        }
        foreach (var line in scan.Context.GetValueOrDefault(root.Mode.Id) ?? [])
        {
            evidence.Add(line.Line, line.Text, EvidenceRole.Context, line.Label);
        }
        foreach (var line in scan.Neighbours.GetValueOrDefault(root.Mode.Id) ?? [])
        {
            if (Math.Abs(line.Line - root.Lead.Line) <= 3 && LineScorer.Score(line.Text) > 0)
            {
                evidence.Add(line.Line, line.Text, EvidenceRole.Context);
            }
        }
        for (int i = 0; i < root.Mode.Factors.Count; i++)
        {
            if (scan.Factors.TryGetValue((root.Mode.Id, i), out var factor))
            {
                evidence.Add(factor.Line, factor.Text, EvidenceRole.Context, root.Mode.Factors[i].Text);
            }
        }
        foreach (var other in ranked.Where(r => !ReferenceEquals(r, root)).Take(3))
        {
            if (other.Lead.Line > 0)
            {
                evidence.Add(other.Lead.Line, other.Lead.Text, EvidenceRole.Context, other.Mode.Title);
            }
        }
        var own = blocks.FirstOrDefault(b => b.Lines.Any(l => l.Number == root.Lead.Line));
        if (own is not null)
        {
            AddBlock(evidence, own, EvidenceRole.Context, _options.BlockLines);
        }
        foreach (var block in blocks.Where(b => b.Score > 0 && !LineScorer.IsReport(b.Lead.Text)).Take(3))
        {
            evidence.Add(block.Lead.Number, block.Lead.Text, EvidenceRole.Context);
        }
    }

    private void AddFallbackEvidence(EvidenceBuilder evidence, JobEvidence job, IReadOnlyList<EvidenceBlock> ranked)
    {
        if (job.Scan is null || job.Log is null)
        {
            return;
        }
        // A block of lines the evidence leaves out (noise, lines the passing log has) explains
        // nothing: the noise stays named as noise, and the blocks after it are the evidence.
        var blocks = ranked.Where(b => b.Lines.Any(l => evidence.Shows(l.Number))).ToArray();
        if (blocks.Length == 0)
        {
            var tail = EvidenceBlocks.TailBeforeFailure(job.Scan, job.Log, int.MaxValue).Where(l => evidence.Shows(l.Number));
            foreach (var line in tail.TakeLast(_options.CauseLines))
            {
                evidence.Add(line.Number, line.Text, EvidenceRole.Cause);
            }
            return;
        }
        // The best block is the cause, read as a block: its lead, then its other lines in order.
        // The runner-up's lead comes early too: when the best block is wrong, it is usually next.
        var first = blocks[0];
        AddBlock(evidence, first, EvidenceRole.Cause, 3);
        if (blocks.Length > 1)
        {
            evidence.Add(blocks[1].Lead.Number, blocks[1].Lead.Text, EvidenceRole.Cause);
        }
        AddBlock(evidence, first, EvidenceRole.Cause, _options.BlockLines);
        // Other candidates by their lead line only: a reader opens them if the first is wrong.
        foreach (var block in blocks.Skip(2).Where(b => b.Score > 0 && !LineScorer.IsReport(b.Lead.Text)).Take(_options.OtherBlocks))
        {
            evidence.Add(block.Lead.Number, block.Lead.Text, EvidenceRole.Context);
        }
    }

    // The root's findings that say the most: new lines before lines the passing log also has,
    // and what failed before the counts and exit reports, which are left out when there is more.
    private static IEnumerable<Finding> CauseFindings(RankedMode root)
    {
        var fresh = root.Findings.Where(f => !f.Familiar).ToList();
        var pool = fresh.Count > 0 ? fresh : root.Findings.ToList();
        var telling = pool.Where(f => !LineScorer.IsReport(f.Text)).ToList();
        return telling.Count > 0 ? telling : pool;
    }

    // A mode whose lines only report a failure (an exit code, a build tool's banner, a test
    // runner's counts) explains nothing by itself.
    private bool ReportsOnly(RankedMode root) =>
        root.Lead.Line > 0 && root.Findings.Take(_options.CauseLines).All(f => LineScorer.IsReport(f.Text));

    // The best other block near the root's line in its step: the failures above an exit line, or
    // the details a test runner prints right after its counts.
    private static EvidenceBlock? Explaining(IReadOnlyList<EvidenceBlock> blocks, RankedMode root, ScanResult? scan)
    {
        long at = root.Lead.Line;
        bool counts = LineScorer.IsSummary(root.Lead.Text);
        if (!counts && scan is not null && EvidenceBlocks.OutputBefore(scan, root.Findings.Min(f => f.Line)) is { } output)
        {
            // An exit report follows the failing command's output: the lines right above it.
            return output;
        }
        return blocks.FirstOrDefault(b => b.Lead.Step == root.Lead.Step && b.Lead.Number != at && !LineScorer.IsReport(b.Lead.Text)
            && (b.Lead.Number < at ? at - b.Lines[^1].Number <= 60 : counts && b.Lead.Number - at <= 20));
    }

    private static void AddBlock(EvidenceBuilder evidence, EvidenceBlock block, EvidenceRole role, int max)
    {
        // The lead, then the lines nearest to it, the next one before the previous one: details
        // follow a headline, and a summary follows the error it sums up.
        evidence.Add(block.Lead.Number, block.Lead.Text, role);
        long lead = block.Lead.Number;
        var nearest = block.Lines
            .Where(l => l.Number != lead && !LineScorer.IsReport(l.Text))
            .OrderBy(l => Math.Abs(l.Number - lead) * 2 - (l.Number > lead ? 1 : 0));
        foreach (var line in nearest.Take(max))
        {
            evidence.Add(line.Number, line.Text, role);
        }
    }


    private List<NoiseLine> Noise(IReadOnlyDictionary<string, IReadOnlyList<Finding>> findings)
    {
        var noise = new List<NoiseLine>();
        foreach (var (id, list) in findings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (catalog.Find(id) is { IsBenign: true })
            {
                noise.AddRange(list.Where(f => f.Line > 0).Take(_options.NoisePerMode).Select(f => new NoiseLine(f.Line, f.Text, id)));
            }
        }
        return noise.OrderBy(n => n.Line).ToList();
    }

    // The step the CI system reported failed (run.json, then the reader), not a guess from the findings.
    private static string? ReportedStep(JobEvidence job) =>
        job.Meta?.Steps.FirstOrDefault(s => s.Status == RunStatus.Failed)?.Name
        ?? (job.Log is { FailedStep: int f } log && f < log.Steps.Count ? log.Steps[f].Name : null);

    private static string? FailedStep(JobEvidence job, RankedMode? root)
    {
        var metaStep = job.Meta?.Steps.FirstOrDefault(s => s.Status == RunStatus.Failed);
        if (metaStep is not null)
        {
            return metaStep.Name;
        }
        var steps = job.Log?.Steps ?? [];
        if (job.Log?.FailedStep is int f)
        {
            return steps[f].Name;
        }
        if (root is not null && root.Lead.Step >= 0 && root.Lead.Step < steps.Count)
        {
            return steps[root.Lead.Step].Name;
        }
        return steps.Count > 0 ? steps[^1].Name : null;
    }

    // run.json (the provider's record) wins over what the log shows, as for the failed step.
    private static int? ExitCode(JobEvidence job) =>
        job.Meta?.Steps.FirstOrDefault(s => s.Status == RunStatus.Failed)?.ExitCode ?? job.Log?.ExitCode;

    private static JobFacts Facts(JobEvidence job, IReadOnlyList<RankedMode> ranked, RankedMode? root)
    {
        var warnings = new List<string>();
        if (job.Log is { LongLines: > 0 } log)
        {
            warnings.Add($"{log.LongLines} line(s) longer than {Logs.LineSplitter.MaxLineChars / 1024} KiB were matched on their first {Logs.LineSplitter.MaxLineChars / 1024} KiB");
        }
        if (job.Log is { InvalidUtf8: true })
        {
            warnings.Add("the log is not valid UTF-8; invalid bytes were replaced");
        }
        var others = ranked.Where(r => !ReferenceEquals(r, root))
            .Select(r => new FindingSummary(r.Mode.Id, r.Mode.Title, r.Mode.Kind, r.Mode.Origin, r.Lead.Line, r.Count))
            .ToArray();
        return new JobFacts(job.Log?.Ci ?? "plain", job.Log?.LineCount ?? 0, job.Meta?.DurationSeconds, warnings, others)
        {
            StartedAt = job.Meta?.StartedAt,
            CompletedAt = job.Meta?.CompletedAt,
            RunnerName = job.Meta?.RunnerName,
            Steps = StepFacts(job),
        };
    }

    // run.json's steps carry times and the provider's verdict; the log's carry line ranges. A run.json
    // step takes the range of the log step with the same name, when the log has one.
    private static StepFact[] StepFacts(JobEvidence job)
    {
        var logSteps = job.Log?.Steps ?? [];
        var metaSteps = job.Meta?.Steps ?? [];
        if (metaSteps.Count == 0)
        {
            return logSteps.Select(s => new StepFact(s.Name, s.Status, s.ExitCode, null, null, s.FirstLine, s.LastLine)).ToArray();
        }
        var byName = logSteps.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return metaSteps.Select(m =>
        {
            byName.TryGetValue(m.Name, out var l);
            return new StepFact(m.Name, m.Status, m.ExitCode, m.StartedAt, m.CompletedAt, l?.FirstLine, l?.LastLine);
        }).ToArray();
    }
}
