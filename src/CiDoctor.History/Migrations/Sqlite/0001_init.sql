-- Runs, jobs, steps, tests, diagnoses and stored logs (docs/HISTORY.md "Schema").
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    run_key       TEXT NOT NULL UNIQUE,
    provider      TEXT,
    repository    TEXT NOT NULL,
    run_id        TEXT,
    attempt       INTEGER NOT NULL,
    workflow      TEXT NOT NULL,
    branch        TEXT,
    commit_sha    TEXT,
    event         TEXT,
    started_at    TEXT,
    url           TEXT,
    ordered_at    TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX runs_by_branch ON runs (repository, branch, ordered_at);

CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    repository  TEXT NOT NULL,
    workflow    TEXT NOT NULL,
    name        TEXT NOT NULL,
    UNIQUE (repository, workflow, name)
);

CREATE TABLE job_runs (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    job_id            INTEGER NOT NULL REFERENCES jobs (id),
    status            TEXT NOT NULL,
    started_at        TEXT,
    completed_at      TEXT,
    duration_seconds  REAL,
    runner_name       TEXT,
    failed_step       TEXT,
    exit_code         INTEGER,
    origin            TEXT NOT NULL,
    root_cause_id     TEXT,
    first_cause_line  TEXT,
    signature         TEXT,
    UNIQUE (run_id, job_id)
);
CREATE INDEX job_runs_by_job ON job_runs (job_id);

CREATE TABLE step_runs (
    job_run_id    INTEGER NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    status        TEXT NOT NULL,
    exit_code     INTEGER,
    started_at    TEXT,
    completed_at  TEXT,
    PRIMARY KEY (job_run_id, idx)
);

CREATE TABLE tests (
    id       INTEGER PRIMARY KEY,
    job_id   INTEGER NOT NULL REFERENCES jobs (id),
    junit_id TEXT NOT NULL,
    UNIQUE (job_id, junit_id)
);

CREATE TABLE test_runs (
    job_run_id  INTEGER NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    test_id     INTEGER NOT NULL REFERENCES tests (id),
    outcome     TEXT NOT NULL,
    message     TEXT,
    PRIMARY KEY (job_run_id, test_id)
);

CREATE TABLE logs (
    job_run_id  INTEGER PRIMARY KEY REFERENCES job_runs (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    content     BLOB NOT NULL
);
