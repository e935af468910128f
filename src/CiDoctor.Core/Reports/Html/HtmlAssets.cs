namespace CiDoctor.Core.Reports.Html;

/// <summary>
/// The style sheet and script inlined into every HTML report, so the file stands alone (no
/// fonts, scripts or images from the network). Colours always come with a text label (severity,
/// role, status); the script only adds conveniences, the page works without it.
/// </summary>
internal static class HtmlAssets
{
    public const string Style = """
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --cause: #a51d16; --cause-bg: #fdecea; --context-bg: #eef3fb; --target: #fff3bf; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
        h1 { font-size: 1.6rem; margin: 1.2rem 0 .6rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        a { color: #0b57d0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        nav ul { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; list-style: none; }
        code, pre, table.log { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
        code { padding: 0 .2em; border-radius: 3px; background: #f1f3f5; overflow-wrap: anywhere; }
        pre.annotation { margin: .4rem 0; padding: .5rem; border: 1px solid var(--line); background: #f6f8fa; white-space: pre-wrap; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 0 .45em; border: 1px solid; border-radius: 3px; font-size: .85em; font-weight: 600; }
        .sev-critical { color: #fff; background: #7f1d1d; border-color: #7f1d1d; }
        .sev-high { color: #8c1d18; background: #fdecea; border-color: #e0a8a3; }
        .sev-medium { color: #6b4400; background: #fff4d6; border-color: #e6c777; }
        .sev-low, .sev-unknown { color: #3d4752; background: #eef1f4; border-color: #c5ccd3; }
        .independent, .effort { font-weight: 600; }
        section.failure { margin-top: 2.5rem; }
        section.failure > h2 { border-bottom: 3px solid var(--cause); }
        .evidence { margin: .6rem 0; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
        table.log { width: 100%; margin: .2rem 0; border-collapse: collapse; }
        table.log th { width: 4.5em; padding: 0 .6em 0 .3em; color: var(--muted); font-weight: normal; text-align: right; vertical-align: top; white-space: nowrap; border-left: 4px solid transparent; }
        table.log th a { color: inherit; text-decoration: none; }
        table.log th a:hover, table.log th a:focus { text-decoration: underline; }
        table.log td.role { width: 4.5em; padding-top: 2px; color: var(--muted); font-size: 11px; vertical-align: top; }
        table.log td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
        tr.cause { background: var(--cause-bg); }
        tr.cause th { border-left-color: var(--cause); }
        tr.cause td.role, span.role { color: var(--cause); font-weight: 700; }
        tr.context { background: var(--context-bg); }
        tr:target { background: var(--target); outline: 2px solid #9a7400; }
        details.surrounding > summary { color: #0b57d0; font-size: .9em; cursor: pointer; }
        p.note { color: var(--muted); font-style: italic; }
        figure.timeline { margin: 0; overflow-x: auto; }
        figure.timeline svg { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        figcaption { color: var(--muted); font-size: .9em; }
        .tl-axis line { stroke: #d8dde3; }
        .tl-axis text, .tl-status { fill: #57606a; }
        .tl-label { fill: #1b1f24; }
        .tl-track { fill: #f3f5f7; }
        .tl-bar { stroke: #fff; stroke-width: .5; }
        .tl-status-passed { fill: #4c8c4a; }
        .tl-status-failed { fill: #c62828; }
        .tl-status-cancelled, .tl-status-skipped { fill: #b0b7bf; }
        .tl-status-unknown { fill: #8d99a6; }
        .tl-marker circle { fill: #fff; stroke: #c62828; stroke-width: 2.5; }
        .tl-marker text { fill: #c62828; font-weight: 700; }
        .tl-failed .tl-label, .tl-status-text-failed { fill: #8c1d18; font-weight: 700; }
        a:hover > .tl-row .tl-track, a:focus > .tl-row .tl-track { fill: #fde0dc; }
        @media print {
          body { font-size: 10pt; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          section.failure { break-before: page; }
          .evidence, tr, figure { break-inside: avoid; }
        }
        """;

    public const string Script = """
        (function () {
          // A link or address pointing at a line inside a closed group (#j2-L316) opens that group first.
          function reveal() {
            var id = decodeURIComponent(location.hash.slice(1));
            var target = id ? document.getElementById(id) : null;
            var group = target ? target.closest('details') : null;
            if (group && !group.open) {
              group.open = true;
              target.scrollIntoView({ block: 'center' });
            }
          }
          window.addEventListener('hashchange', reveal);
          reveal();
          // A printed report shows every group's surrounding lines; the page is restored afterwards.
          var opened = [];
          window.addEventListener('beforeprint', function () {
            document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
          });
          window.addEventListener('afterprint', function () {
            opened.forEach(function (d) { d.open = false; });
            opened = [];
          });
        })();
        """;
}
