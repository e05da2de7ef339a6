#!/usr/bin/env bash
# National benchmark: `prongsai score --by-agency` against an equivalent pandas script, side by side in one run.
#
# Builds the release binary, generates 8317 agencies / 1,350,000 responses (seed 1) into benches/out/national/data,
# installs pandas into a venv under ${XDG_CACHE_HOME:-$HOME/.cache}/prongsai-bench-venv, checks that both give the
# same totals for every agency, then times 3 alternating runs of each (wall time, max RSS) and prints the medians
# and the ratio. Exits 1 if the results differ or a target is missed (< 2 s, >= 10x pandas, < 500 MB).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

runs=${RUNS:-3}
year=2568
out=$root/benches/out/national
data=$out/data
venv=${XDG_CACHE_HOME:-$HOME/.cache}/prongsai-bench-venv

echo "== build (release)"
cargo build --release -p prongsai_cli
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac
bin=$target/release/prongsai

echo "== python venv with pandas: $venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas
py=$venv/bin/python
"$py" -c 'import pandas, numpy, sys; print(f"python {sys.version.split()[0]}, pandas {pandas.__version__}, numpy {numpy.__version__}")'

echo "== generate: 8317 agencies, 1,350,000 responses, seed 1"
rm -rf "$data"
mkdir -p "$out"
start=$(date +%s%N)
"$bin" gen-national --year "$year" --agencies 8317 --responses 1350000 --seed 1 --out "$data"
echo "generated in $(( ($(date +%s%N) - start) / 1000000 )) ms; $(du -sh "$data" | cut -f1) on disk"
"$bin" catalog show "$year" --format json > "$out/framework-$year.json"

ours=("$bin" score --year "$year" --by-agency "$data" --format json)
pandas=("$py" "$here/score_pandas.py" "$data" "$out/framework-$year.json")

echo "== same results? (one untimed run each)"
"${ours[@]}" > "$out/ours.json"
"${pandas[@]}" > "$out/pandas.json"
"$py" - "$out/ours.json" "$out/pandas.json" <<'PY'
import json, sys
ours, theirs = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
a, b = ours["agencies"], theirs["agencies"]
assert len(a) == len(b), f"{len(a)} agencies vs {len(b)}"
bad = [x["agency"] for x, y in zip(a, b) if x["agency"] != y["agency"] or round(x["total"], 2) != round(y["total"], 2)]
same = sum(x == y for x, y in zip(a, b))
identical = open(sys.argv[1], "rb").read() == open(sys.argv[2], "rb").read()
print(f"{len(a)} agencies; totals equal to 2 decimals: {len(a) - len(bad)}; whole objects equal: {same}; byte-identical output: {identical}")
if bad:
    sys.exit(f"totals differ for {len(bad)} agencies, e.g. {bad[:5]}")
PY

echo "== timing: $runs alternating runs each, stdout to /dev/null"
# One fresh Python process per measurement: its only child is the measured command, so RUSAGE_CHILDREN's
# ru_maxrss is that command's max RSS (KB on Linux), and perf_counter gives sub-millisecond wall time.
measure() {
    "$py" - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - t
print(f"{wall:.4f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}
: > "$out/timings.txt"
for i in $(seq "$runs"); do
    echo "prongsai $(measure "${ours[@]}")" | tee -a "$out/timings.txt"
    echo "pandas $(measure "${pandas[@]}")" | tee -a "$out/timings.txt"
done

"$py" - "$out/timings.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
wall = {k: statistics.median(float(w) for n, w, _ in rows if n == k) for k in ("prongsai", "pandas")}
rss = {k: max(int(r) for n, _, r in rows if n == k) / 1024 for k in ("prongsai", "pandas")}
ratio = wall["pandas"] / wall["prongsai"]
print()
print(f"{'':10} {'median wall':>12} {'max RSS':>10}")
for k in ("prongsai", "pandas"):
    print(f"{k:10} {wall[k]:>10.3f} s {rss[k]:>7.0f} MB")
print(f"ratio pandas/prongsai: {ratio:.1f}x")
checks = [
    ("under 2 s", wall["prongsai"] < 2.0),
    ("at least 10x pandas", ratio >= 10.0),
    ("under 500 MB", rss["prongsai"] < 500.0),
]
for name, ok in checks:
    print(f"{'ok  ' if ok else 'MISS'} {name}")
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
