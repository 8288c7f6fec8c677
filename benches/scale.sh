#!/usr/bin/env bash
# Reproduces the tables of BENCHMARKS.md (a benchmark, not a test): `check` and `extract` on
# generated multi-story JSONL (examples/gen_corpus.rs) of growing size, next to `cat` of the
# same bytes; 1 against 2 threads; CPU per stage (examples/stages.rs); the planted conflicts
# found.
#
#   benches/scale.sh [SIZES] [THREADS_MB] [STAGES_MB]
#     SIZES       corpus sizes in MB, default "10 100 1000"
#     THREADS_MB  size at which 1 and 2 threads are compared, default 100
#     STAGES_MB   size of the per-stage run, default 10
#   environment: WORK (default /tmp/claimdiff-scale: corpora are built once and kept there),
#                STORIES (default 20), SEED (default 1)
#
# Times are wall seconds of one run each; CPU is user + system. `check` writes its report to
# stdout (`--out -`: no HTML page, no agreements), kept in WORK to count the planted conflicts
# found. The corpora take as much disk as their size, a report (which names every source
# stating a value) about 2.5 times it.
set -euo pipefail
SIZES=${1:-10 100 1000}
THREADS_MB=${2:-100}
STAGES_MB=${3:-10}
STORIES=${STORIES:-20}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/claimdiff-scale}
BIN=$ROOT/target/release/claimdiff
mkdir -p "$WORK"
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example gen_corpus --example stages)
GEN=$ROOT/target/release/examples/gen_corpus
STAGES=$ROOT/target/release/examples/stages

corpus() { # MB -> path of the corpus, generated once
    local f="$WORK/corpus-$1mb-s$SEED-k$STORIES.jsonl"
    if [ ! -s "$f" ]; then
        "$GEN" --mb "$1" --seed "$SEED" --stories "$STORIES" --gold "$f.gold.csv" > "$f.tmp"
        mv "$f.tmp" "$f"
    fi
    echo "$f"
}

# run LABEL THREADS CMD...: one line "LABEL THREADS wall cpu cpu% maxrss_kB"
run() { # LABEL THREADS STDOUT CMD...: one line "LABEL THREADS wall cpu cpu% maxrss_kB"
    local label=$1 threads=$2 out=$3; shift 3
    RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %U %S %P %M" "$@" > "$out" 2> "$WORK/stderr.txt" || true
    # /usr/bin/time writes its line last on stderr, after the command's own messages.
    local wall user sys pct rss
    read -r wall user sys pct rss <<<"$(tail -1 "$WORK/stderr.txt")"
    echo "$label $threads $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $pct $rss"
}

check_cmd() { # corpus -> the check command line: the report on stdout (no page, no agreements)
    echo "$BIN check $1 --out - --reviews $WORK/reviews.csv"
}

# found GOLD REPORT: planted conflicts found / planted
found() {
    python3 - "$1" "$2" <<'PY'
import csv, sys
csv.field_size_limit(1 << 30)
gold = list(csv.DictReader(open(sys.argv[1])))
pairs = set()
for r in csv.DictReader(open(sys.argv[2])):
    pairs.add((r["kind"], frozenset((r["value_a"], r["value_b"]))))
hit = sum((g["kind"], frozenset((g["value_a"], g["value_b"]))) in pairs for g in gold)
print(f"{hit}/{len(gold)}")
PY
}

echo "# claimdiff scale benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# stories per corpus: $STORIES, seed $SEED"
echo
echo "| MB | sources | claims | cat s | check wall s | check CPU s | CPU % | MB/s wall | MB/s of CPU | peak RSS MB | planted conflicts found |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A WALL
for mb in $SIZES; do
    f=$(corpus "$mb")
    # The same bytes through cat, just before: both read them from the page cache.
    cat_t=$( { TIMEFORMAT=%3R; time cat "$f" > /dev/null; } 2>&1 | tail -1)
    line=$(run check 2 "$WORK/report.csv" $(check_cmd "$f"))
    read -r _ _ wall cpu pct rss <<<"$line"
    WALL[$mb]=$wall
    summary=$(grep -m1 "sources," "$WORK/stderr.txt" || true)
    sources=$(sed -E 's/.*: ([0-9]+) sources.*/\1/' <<<"$summary")
    claims=$(sed -E 's/.* ([0-9]+) claims.*/\1/' <<<"$summary")
    bytes=$(stat -c %s "$f")
    mbs=$(awk -v b="$bytes" -v w="$wall" 'BEGIN { printf "%.2f", b / 1e6 / w }')
    mbs_cpu=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { printf "%.2f", b / 1e6 / c }')
    echo "| $mb | $sources | $claims | $cat_t | $wall | $cpu | $pct | $mbs | $mbs_cpu | $((rss / 1024)) | $(found "$f.gold.csv" "$WORK/report.csv") |"
done
echo
# Slope: least squares of wall seconds on MB over the sizes run.
python3 - $(for mb in $SIZES; do echo "$mb ${WALL[$mb]}"; done) <<'PY'
import sys
v = list(map(float, sys.argv[1:]))
xs, ys = v[0::2], v[1::2]
n = len(xs)
if n >= 2:
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    print(f"check wall time = {a:.2f} s + {b:.3f} s/MB (least squares over {n} sizes); "
          + ", ".join(f"{y / x:.3f} s/MB at {x:g} MB" for x, y in zip(xs, ys)))
PY
echo
f=$(corpus "$THREADS_MB")
echo "Threads, on $THREADS_MB MB:"
echo
echo "| command | threads | wall s | CPU s | CPU % | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for cmd in check extract; do
    for n in 1 2; do
        if [ "$cmd" = check ]; then
            line=$(run check "$n" /dev/null $(check_cmd "$f"))
        else
            line=$(run extract "$n" /dev/null "$BIN" extract "$f")
        fi
        read -r label threads wall cpu pct rss <<<"$line"
        echo "| $label | $threads | $wall | $cpu | $pct | $((rss / 1024)) |"
    done
done
echo
LARGEST=$(tr ' ' '\n' <<<"$SIZES" | sort -n | tail -1)
f=$(corpus "$LARGEST")
echo "extract (claims as JSONL to /dev/null) on the largest corpus, $LARGEST MB, 2 threads:"
echo
line=$(run extract 2 /dev/null "$BIN" extract "$f")
read -r _ _ wall cpu pct rss <<<"$line"
echo "wall $wall s, CPU $cpu s, $pct CPU, $(awk -v b="$(stat -c %s "$f")" -v w="$wall" 'BEGIN { printf "%.2f", b / 1e6 / w }') MB/s, peak RSS $((rss / 1024)) MB"
echo
f=$(corpus "$STAGES_MB")
echo "CPU per stage on one thread, $STAGES_MB MB (examples/stages.rs):"
echo
echo "| stage | CPU s | MB/s |"
echo "| --- | ---: | ---: |"
"$STAGES" "$f" 2> /dev/null | tail -n +2 | awk -F, '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
echo
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
