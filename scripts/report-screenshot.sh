#!/usr/bin/env bash
# Refreshes the pictures of the HTML report in docs/ (report-screenshot.png: the top of the page at
# 1280x2000; report-evidence-screenshot.png: the first failure's evidence with a group opened) from
# samples/nix-disk-full in headless Chromium. Needs chromium and chromium-driver (apt packages).
set -euo pipefail
cd "$(dirname "$0")/.."
CIDOCTOR_SCREENSHOT="$PWD/docs" dotnet test tests/CiDoctor.Cli.Tests -c Release \
  --filter "FullyQualifiedName~HtmlReportBrowserTests.Report_LoadedFromFile_LogsNoConsoleErrorOrWarning"
ls -l docs/report-screenshot.png docs/report-evidence-screenshot.png
