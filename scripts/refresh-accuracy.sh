#!/usr/bin/env bash
# Refreshes the figures in docs/ACCURACY.md from `cidoctor eval` on ../shared/eval/dev: the
# tables between <!-- eval:begin --> and <!-- eval:end -->, and the targets table between
# <!-- targets:begin --> and <!-- targets:end -->. Run after changing ranking or the catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${1:-../shared/eval/dev}
[ -d "$dev" ] || { echo "refresh-accuracy: $dev not found; pass the labelled set's folder"; exit 2; }
dotnet build -c Release src/CiDoctor.Cli >/dev/null
cli="dotnet src/CiDoctor.Cli/bin/Release/net10.0/cidoctor.dll"
with=$(mktemp); without=$(mktemp)
trap 'rm -f "$with" "$without"' EXIT
$cli eval "$dev" --format markdown --out "$with" 2>/dev/null
$cli eval "$dev" --set cidiff --no-pass --format markdown --out "$without" 2>/dev/null
python3 - "$with" "$without" docs/ACCURACY.md <<'PY'
import re, sys
with_pass, without, doc = (open(p, encoding='utf-8').read() for p in sys.argv[1:4])

def tables(md, first_heading):
    body = md.split('\n', 1)[1].strip()
    body = re.sub(r'(?m)^## ', '### ', body)
    return body.replace('### cidiff: ', first_heading, 1) if first_heading else body

def figure(md, section, name):
    part = md[md.index('## ' + section):]
    return re.search(r'\| ' + re.escape(name) + r' \| \*\*([\d.]+)\*\*', part).group(1)

nopass = without[without.index('## cidiff'):].split('\n## ')[0]
nopass = '\n'.join(l for l in nopass.split('\n') if not l.startswith(('- \\*', 'Figures:')))
nopass = nopass.replace(nopass.split('\n', 1)[0], '### cidiff without the passing log (`--no-pass`)').strip()
evals = tables(with_pass, None) + '\n\n' + nopass
targets = [
    ('LogChunks', 'Hit@5', '≥ 0.75', 'logchunks', 'hit@5', '0.366 (keyword)'),
    ('LogChunks', 'Hit@10', '≥ 0.85', 'logchunks', 'hit@10', '0.496 (keyword)'),
    ('LogChunks', 'P@10', '≥ 0.40', 'logchunks', 'p@10', '0.152 (keyword)'),
    ('CiDiff (with pass.log)', 'Hit@5', '≥ 0.95', 'cidiff', 'hit@5', '1.000 (keyword)'),
    ('CiDiff (with pass.log)', 'P@10', '≥ 0.85', 'cidiff', 'p@10', '0.715 (diff+keyword)'),
    ('issues', 'kind accuracy', '≥ 0.85', 'issues', 'kind_acc', '0.125 (majority)'),
    ('issues', 'origin accuracy', '≥ 0.90', 'issues', 'origin_acc', '0.500 (majority)'),
    ('issues', 'evidence recall', '≥ 0.90', 'issues', 'evidence_recall', '0.813 (tail)'),
    ('issues', 'red-herring rate', '≤ 0.05', 'issues', 'red_herring_rate', '0.000 (keyword)'),
]
rows = ['| set | figure | target | CiDoctor | best baseline |', '|---|---|---:|---:|---:|']
rows += [f'| {s} | {f} | {t} | {figure(with_pass, sec, key)} | {b} |' for s, f, t, sec, key, b in targets]

def between(text, name, content):
    begin, end = f'<!-- {name}:begin -->', f'<!-- {name}:end -->'
    i, j = text.index(begin) + len(begin), text.index(end)
    return text[:i] + '\n' + content + '\n' + text[j:]

doc = between(doc, 'eval', evals)
doc = between(doc, 'targets', '\n'.join(rows))
open(sys.argv[3], 'w', encoding='utf-8').write(doc)
PY
echo "docs/ACCURACY.md refreshed from $dev"
