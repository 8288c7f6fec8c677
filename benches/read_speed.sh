#!/usr/bin/env bash
# Cost of reading: `claimdiff split` with boilerplate removal against --keep-boilerplate (which
# skips the boilerplate pass), on ~20 MB of seed text as .txt, as one HTML page and as JSONL.
#
#   benches/read_speed.sh [MB] [RUNS]      (defaults: 20 MB, best of 3 runs)
#
# The difference between the two text rows is the boilerplate pass; the html row adds
# html5ever parsing and extraction; the jsonl row one source per seed copy, loaded in parallel.
# MB/s uses MB = 10^6 bytes and wall-clock time; on a busy machine also look at cpu_MB/s.
set -euo pipefail

MB=${1:-20}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/claimdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$ROOT" && cargo build --release --quiet)

python3 - "$ROOT/seeds" "$MB" "$WORK" <<'PY'
import glob, html, json, os, sys
seeds, mb, work = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = [open(p, encoding="utf-8").read().strip() + "\n" for p in sorted(glob.glob(os.path.join(seeds, "*.txt")))]
block = "\n".join(texts) + "\n"
reps = -(-int(mb * 1e6) // len(block.encode()))
open(os.path.join(work, "big.txt"), "w", encoding="utf-8").write(block * reps)
paras = "".join("<p>%s</p>\n" % html.escape(p) for p in block.split("\n\n") if p.strip())
page = "<!DOCTYPE html><html><body><nav>Home</nav><article>%s</article></body></html>" % (paras * reps)
open(os.path.join(work, "big.html"), "w", encoding="utf-8").write(page)
with open(os.path.join(work, "big.jsonl"), "w", encoding="utf-8") as f:
    n = 0
    while f.tell() < mb * 1e6:
        for t in texts:
            f.write(json.dumps({"source": "s%d" % n, "text": t}) + "\n")
            n += 1
PY

. "$(dirname "$0")/timing.sh"

printf '%-22s %12s %9s %9s %10s %10s\n' case bytes wall_s cpu_s MB/s cpu_MB/s
for case in "txt keep" "txt default" "html default" "jsonl default"; do
    read -r kind mode <<<"$case"
    file=$WORK/big.$kind
    flags=()
    [ "$mode" = keep ] && flags=(--keep-boilerplate)
    bytes=$(wc -c < "$file")
    read -r wall cpu <<<"$(best_of_arg "$file" "$BIN" split "${flags[@]}" --format text)"
    awk -v c="$kind/$mode" -v n="$bytes" -v w="$wall" -v u="$cpu" 'BEGIN {
        printf "%-22s %12d %9.3f %9.3f %10.1f %10.1f\n", c, n, w, u, n / 1e6 / (w > 0 ? w : 0.001), n / 1e6 / (u > 0 ? u : 0.001)
    }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
