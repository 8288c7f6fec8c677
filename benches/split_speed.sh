#!/usr/bin/env bash
# Speed of `claimdiff split` as a whole process, single input, on ~20 MB of news text.
#
#   benches/split_speed.sh [MB] [RUNS]      (defaults: 20 MB, best of 3 runs)
#
# Builds the release binary, makes the text the way shared/bench/split/make_bigtext.py does
# (the seed articles, sorted, joined by a blank line, repeated to MB * 10^6 bytes), then times:
#   text     --format text, the benchmark's setting
#   jsonl    --format jsonl
#   onepara  the same text with every newline replaced by a space: one 20 MB paragraph
#   onepara/10  a tenth of it, to see that time grows linearly with size
# MB/s uses MB = 10^6 bytes and wall-clock time (startup, reading stdin and writing stdout
# included); the best of RUNS is kept. On a busy machine also look at the CPU column.
set -euo pipefail

MB=${1:-20}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/claimdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$ROOT" && cargo build --release --quiet)

python3 - "$ROOT/seeds" "$MB" "$WORK" <<'EOF'
import glob, os, sys
seeds, mb, work = sys.argv[1], float(sys.argv[2]), sys.argv[3]
parts = [open(p, "rb").read().strip(b"\r\n") + b"\n" for p in sorted(glob.glob(os.path.join(seeds, "*.txt")))]
if not parts:
    sys.exit(f"no .txt files in {seeds}")
block = b"\n".join(parts) + b"\n"
reps = -(-int(mb * 1e6) // len(block))
big = block * reps
open(os.path.join(work, "big.txt"), "wb").write(big)
one = big.replace(b"\r", b" ").replace(b"\n", b" ")
open(os.path.join(work, "onepara.txt"), "wb").write(one)
open(os.path.join(work, "onepara10.txt"), "wb").write(one[: len(one) // 10])
EOF

. "$(dirname "$0")/timing.sh"

printf '%-12s %12s %9s %9s %10s %10s\n' case bytes wall_s cpu_s MB/s cpu_MB/s
for case in text jsonl onepara onepara10; do
    case $case in
        text) file=$WORK/big.txt; fmt=text ;;
        jsonl) file=$WORK/big.txt; fmt=jsonl ;;
        onepara) file=$WORK/onepara.txt; fmt=text ;;
        onepara10) file=$WORK/onepara10.txt; fmt=text ;;
    esac
    bytes=$(wc -c < "$file")
    read -r wall cpu <<<"$(best_of "$file" "$BIN" split --keep-boilerplate --format "$fmt" -)"
    awk -v c="$case" -v n="$bytes" -v w="$wall" -v u="$cpu" 'BEGIN {
        printf "%-12s %12d %9.3f %9.3f %10.1f %10.1f\n", c, n, w, u, n / 1e6 / (w > 0 ? w : 0.001), n / 1e6 / (u > 0 ? u : 0.001)
    }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
