using System.CommandLine;
using CiDoctor.Core;
using CiDoctor.Core.Reports;
using CiDoctor.Env.Capture;
using CiDoctor.Env.Drift;
using CiDoctor.Env.Manifests;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor env capture | diff | manifest | check</c>: the runtime environment a job really had.</summary>
public static class EnvCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("env", "Capture a job's runtime environment, compare two captures, and check one against a manifest.");
        command.Add(Capture(context));
        command.Add(Diff(context));
        command.Add(Manifest(context));
        command.Add(Check(context));
        return command;
    }

    private static Command Capture(CliContext context)
    {
        var tools = new Option<string?>("--tools") { Description = $"Tools to look for, comma-separated (default: {string.Join(",", ToolProbe.Defaults)}).", HelpName = "a,b,…" };
        var manifest = new Option<string?>("--manifest") { Description = "Also look for every tool this manifest declares.", HelpName = "env.yaml" };
        var endpoints = new Option<string[]>("--endpoint") { Description = "An endpoint the job needs: DNS, and two TCP connects timed; may repeat.", HelpName = "HOST:PORT" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the snapshot to FILE (replaced) instead of stdout.", HelpName = "FILE" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each probe may take before it is recorded as timed out.", DefaultValueFactory = _ => 5 };
        var command = new Command("capture", "Snapshot this process's environment as JSON: host, user, container, temp folder, disks, PATH, tools, variables (secrets masked), endpoints, credential files (presence only). Meant to run as a CI step; it never fails the job.")
        {
            tools, manifest, endpoints, output, timeout,
        };
        command.SetAction(parse =>
        {
            var names = (parse.GetValue(tools)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ToolProbe.Defaults).ToList();
            if (parse.GetValue(manifest) is { } manifestPath)
            {
                names.AddRange(EnvManifest.Read(manifestPath).Tools);
            }
            double seconds = parse.GetValue(timeout);
            if (seconds is <= 0 or > 600)
            {
                throw new CiDoctorException($"--timeout {seconds}: give seconds between 0 and 600");
            }
            var snapshot = EnvCapture.Capture(new CaptureOptions(names, parse.GetValue(endpoints) ?? [], TimeSpan.FromSeconds(seconds)));
            OutputWriter.Write(parse.GetValue(output), context.Out, w => w.WriteLine(SnapshotJson.Write(snapshot)));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "The first snapshot (for example, the path that works)." };
        var b = new Argument<string>("B") { Description = "The second snapshot (for example, the path that fails)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. DriftRenderers.All.Names]);
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit 1 when the snapshots differ in a way that can break a build." };
        var command = new Command("diff", "What differs between two snapshots that can break a build: tools, PATH order, variables, temp folder, resources, endpoints.")
        {
            a, b, format, failOnDrift,
        };
        command.SetAction(parse =>
        {
            string pathA = parse.GetValue(a)!;
            string pathB = parse.GetValue(b)!;
            var drift = EnvDiff.Compare(SnapshotJson.Read(pathA), SnapshotJson.Read(pathB));
            DriftRenderers.All.Create(parse.GetValue(format) ?? "text", new RenderTarget()).Render(new DriftReport(pathA, pathB, drift), context.Out);
            return drift.Drift && parse.GetValue(failOnDrift) ? ExitCodes.ConditionHeld : ExitCodes.Done;
        });
        return command;
    }

    private static Command Manifest(CliContext context)
    {
        var snapshots = new Argument<string[]>("SNAPSHOT") { Description = "Snapshots of every path that runs the job.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("manifest", "Write a manifest (YAML) declaring the union of the tools the snapshots found: one declaration every path must meet.") { snapshots };
        command.SetAction(parse =>
        {
            var read = (parse.GetValue(snapshots) ?? []).Select(SnapshotJson.Read).ToList();
            context.Out.Write(EnvManifest.Union(read).ToYaml());
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Check(CliContext context)
    {
        var snapshot = new Argument<string>("SNAPSHOT") { Description = "The snapshot of the path to check." };
        var manifest = new Option<string>("--manifest") { Description = "The declared environment.", HelpName = "env.yaml", Required = true };
        var command = new Command("check", "Report what a snapshot lacks against the manifest (declared vs operational); exit 1 when something is missing.") { snapshot, manifest };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(snapshot)!;
            var gaps = ManifestCheck.Check(SnapshotJson.Read(path), EnvManifest.Read(parse.GetValue(manifest)!));
            foreach (var gap in gaps)
            {
                context.Out.WriteLine($"{gap.Kind,-16} {gap.Name}: {gap.Detail}");
            }
            bool missing = gaps.Any(g => g.Kind != "tool-not-probed");
            context.Out.WriteLine(missing ? $"{path}: {gaps.Count(g => g.Kind != "tool-not-probed")} missing against the manifest" : $"{path}: meets the manifest");
            return missing ? ExitCodes.ConditionHeld : ExitCodes.Done;
        });
        return command;
    }
}
