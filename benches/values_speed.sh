#!/usr/bin/env bash
# Speed of `claimdiff values` as a whole process, single thread, on ~5 MB of news text.
#
#   benches/values_speed.sh [MB] [RUNS]      (defaults: 5 MB, best of 5 runs)
#
# Builds the release binary and makes the text the way shared/bench/values/make_speed_text.py
# does (the seed articles, one paragraph per line, repeated to MB * 10^6 bytes), then times
# `values --date 2024-04-27 --format jsonl` on:
#   paragraphs   the speed text, the benchmark's setting
#   oneline      the same text with every newline replaced by a space: one line of MB bytes
#   oneline/10   a tenth of it, to see that time grows linearly with the length of a line
# MB/s uses MB = 10^6 bytes and wall-clock time (startup, reading stdin and writing stdout
# included); the best of RUNS is kept. On a busy machine also look at the CPU column.
# Where the time goes inside: cargo run --release --example recognize_stages -- FILE
set -euo pipefail

MB=${1:-5}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/claimdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$ROOT" && cargo build --release --quiet)

python3 - "$ROOT/seeds" "$MB" "$WORK" <<'PY'
import glob, os, re, sys
seeds, mb, work = sys.argv[1], float(sys.argv[2]), sys.argv[3]
paras = []
for p in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
    for para in re.split(r"\n\s*\n", open(p, encoding="utf-8").read()):
        para = re.sub(r"\s*\n\s*", " ", para).strip()
        if para:
            paras.append(para)
if not paras:
    sys.exit(f"no .txt files in {seeds}")
block = ("\n".join(paras) + "\n").encode("utf-8")
text = block * max(1, round(mb * 1e6 / len(block)))
open(os.path.join(work, "paragraphs.txt"), "wb").write(text)
one = text.replace(b"\n", b" ") + b"\n"
open(os.path.join(work, "oneline.txt"), "wb").write(one)
open(os.path.join(work, "oneline10.txt"), "wb").write(one[: len(one) // 10] + b"\n")
PY

. "$(dirname "$0")/timing.sh"

printf '%-12s %12s %9s %9s %10s %10s\n' case bytes wall_s cpu_s MB/s cpu_MB/s
for case in paragraphs oneline oneline10; do
    file=$WORK/$case.txt
    bytes=$(wc -c < "$file")
    read -r wall cpu <<<"$(best_of "$file" "$BIN" values --date 2024-04-27 --format jsonl)"
    awk -v c="$case" -v n="$bytes" -v w="$wall" -v u="$cpu" 'BEGIN {
        printf "%-12s %12d %9.3f %9.3f %10.1f %10.1f\n", c, n, w, u, n / 1e6 / (w > 0 ? w : 0.001), n / 1e6 / (u > 0 ? u : 0.001)
    }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
