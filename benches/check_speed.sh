#!/usr/bin/env bash
# Times `claimdiff check` on the seeds repeated to about 100 MB of sources (a benchmark, not a
# test). Usage: benches/check_speed.sh [MEGABYTES] [WORKDIR]
#
# Each copy of a seed file gets its own name (and so counts as its own source), so grouping
# sees N times the claims of the seeds in the same slots: the size at which a quadratic join
# would show. The corpus is built once in WORKDIR (default /tmp/claimdiff-bench-MB) and reused.
set -euo pipefail
MB=${1:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${2:-/tmp/claimdiff-bench-$MB}
BIN=$ROOT/target/release/claimdiff
(cd "$ROOT" && cargo build --release --quiet)
if [ ! -f "$WORK/.done" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK/corpus"
  python3 - "$ROOT/seeds" "$WORK/corpus" "$MB" <<'PY'
import os, sys
seeds, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(f for f in os.listdir(seeds) if f.endswith(".txt"))
texts = [open(os.path.join(seeds, f), "rb").read() for f in files]
copies = -(-mb * 1_000_000 // sum(map(len, texts)))
for i in range(copies):
    for f, t in zip(files, texts):
        with open(os.path.join(out, f"c{i:05d}_{f}"), "wb") as w:
            w.write(t)
PY
  touch "$WORK/.done"
fi
bytes=$(du -sb --apparent-size "$WORK/corpus" | cut -f1)
files=$(ls "$WORK/corpus" | wc -l)
echo "corpus: $files files, $bytes bytes"
start=$(date +%s.%N)
"$BIN" check "$WORK/corpus" --rules "$ROOT/claims" --out "$WORK/discrepancies.csv" \
  --agreements "$WORK/agreements.csv"
end=$(date +%s.%N)
python3 - "$start" "$end" "$bytes" <<'PY'
import sys
s, e, b = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"check: {e - s:.2f} s wall, {b / 1e6 / (e - s):.1f} MB/s")
PY
