namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Where in a job's life a failure happened, read from the failed step's name (see
/// <see cref="JobPhases"/>). The phase says whose a failure with no recognised mode most likely
/// is: before the job's own commands run (runner, checkout) it is the CI system's; in them, the
/// job's.
/// </summary>
public enum JobPhase
{
    /// <summary>The step's name says nothing of its role (or no step is known).</summary>
    Unknown,

    /// <summary>The CI system prepares the runner, executor, container or VM (GitLab <c>prepare_executor</c>, GitHub <c>Set up job</c>).</summary>
    Runner,

    /// <summary>The sources are fetched (GitLab <c>get_sources</c>, <c>actions/checkout</c>, Drone <c>clone</c>).</summary>
    Checkout,

    /// <summary>Tools and dependencies are installed or restored (setup actions, Travis <c>install</c>, <c>npm ci</c>, cache restore).</summary>
    Dependencies,

    /// <summary>The project is built.</summary>
    Build,

    /// <summary>The tests run.</summary>
    Test,

    /// <summary>Something is published or deployed.</summary>
    Deploy,

    /// <summary>The job's own script, with nothing more specific in its name (GitLab <c>step_script</c>, Travis <c>script</c>).</summary>
    Script,

    /// <summary>Artifacts or caches are uploaded after the script (GitLab <c>upload_artifacts_on_failure</c>, <c>archive_cache</c>).</summary>
    Upload,

    /// <summary>The CI system cleans up after the job (GitLab <c>cleanup_file_variables</c>, GitHub <c>Post …</c>, <c>Complete job</c>).</summary>
    Cleanup,
}
