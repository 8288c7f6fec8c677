#!/usr/bin/env bash
# Runs every fuzz target for a fixed time and prints executions per target.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 180 s, every target)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; with only stable, it
# runs with RUSTC_BOOTSTRAP=1. Corpora start from the repository's own texts (seeds, rules,
# a reviews file, the test HTML pages) and grow in fuzz/corpus/TARGET; crashes land in
# fuzz/artifacts/TARGET.
# Not part of .ci/run: a crash found here becomes a regression test in tests/fuzz_regressions.rs.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-180}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(split values rules reviews read parse html)

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

seed() { # TARGET FILES...
  local dir=corpus/$1
  shift
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
}
seed split ../seeds/*.txt
# The values recognizer reads one line at a time: seed it with lines of the seeds.
mkdir -p corpus/values
if [ -z "$(ls -A corpus/values)" ]; then
  cat ../seeds/*.txt | grep -E '[0-9]' | head -300 | split -l 1 - corpus/values/line-
fi
seed rules ../claims/*.toml ../rules/builtin/*.toml
seed reviews ../tests/corpus/reviews.csv
[ -n "$(ls -A corpus/reviews 2>/dev/null)" ] || printf 'id,status,note,reviewed_at\n7f3a9c21d4e8b605,confirmed,"a note, quoted",2024-04-27T09:30:00Z\n' > corpus/reviews/one.csv
# The parser reads one sentence at a time: seed it with sentences of the seeds that hold a
# figure (what `check` parses).
mkdir -p corpus/parse
if [ -z "$(ls -A corpus/parse)" ]; then
  cat ../seeds/*.txt | grep -E '[0-9]' | head -300 | split -l 1 - corpus/parse/line-
fi
seed html ../tests/html_pages/*.html ../tests/html_pages/*/*.html regressions/html/*
mkdir -p corpus/read
[ -n "$(ls -A corpus/read)" ] || printf '{"source": "a", "text": "It cost $40 million.", "published": "2024-04-27"}\n' > corpus/read/one.jsonl

for t in "${targets[@]}"; do
  log=artifacts/$t.log
  mkdir -p "artifacts/$t"
  "${fuzz[@]}" run --release "$t" -- -max_total_time="$secs" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(find "artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  echo "$t: ${execs:-?} executions in ${secs}s, exit $status, $crashes crash/timeout/oom inputs in fuzz/artifacts/$t"
done
