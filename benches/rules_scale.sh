#!/usr/bin/env bash
# Rule-set scale benchmark (issue 6): loading and compiling 1,000 rules, and whether matching
# cost per sentence grows with the number of rules.
#
#   benches/rules_scale.sh [N_RULES] [CORPUS_MB]
#
# 1. Generates N_RULES (default 1000) slot rules, each with its own anchor words, entities,
#    synonyms and exclude rules in the proportions a large topic file would have.
# 2. Times `claimdiff rules list DIR` (load + compile + list, one process) with hyperfine if
#    present, else with bash's `time`, best of 5.
# 3. Times `claimdiff extract` on CORPUS_MB (default 20) of the seeds repeated, with the
#    built-in rules only and with the N_RULES folder: the two must be close, since rules are
#    found through an index of their anchor words, not tried one by one.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
MB=${2:-20}
cargo build --release -q
B=$PWD/target/release/claimdiff
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
[ -n "${KEEP:-}" ] && W=$KEEP && mkdir -p "$W"

python3 - "$W/rules" "$N" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d)
with open(os.path.join(d, "generated.toml"), "w") as f:
    for i in range(n):
        kind = i % 10
        if kind < 7:
            f.write(f'''[[slot]]
name = "gen-slot-{i}"
pattern = "<count> (alpha{i}|beta{i}) [big{i}] (widgets{i}|gadgets{i})"
slot = "widgets-{i}/count"
[[slot.example]]
text = "They built 12 alpha{i} widgets{i} last year."
expect = ["widgets-{i}/count = 12"]

''')
        elif kind == 7:
            f.write(f'''[[entity]]
name = "gen-entity-{i}"
names = ["Person{i} Surname{i}", "Persona{i} Surname{i}"]

''')
        elif kind == 8:
            f.write(f'''[[synonym]]
name = "gen-syn-{i}"
words = ["thing{i}", "item{i}", "object{i}"]

''')
        else:
            f.write(f'''[[exclude]]
name = "gen-excl-{i}"
pattern = "Gamma{i} <count>"

''')
PY
mkdir -p "$W/empty" "$W/corpus"
python3 - "$W/corpus/big.txt" "$MB" <<'PY'
import glob, sys
t = "".join(open(f).read() for f in sorted(glob.glob("seeds/*.txt")))
want = int(float(sys.argv[2]) * 1_000_000)
with open(sys.argv[1], "w") as f:
    n = 0
    while n < want:
        f.write(t); n += len(t)
PY

echo "rules: $(grep -c '^\[\[\(slot\|entity\|synonym\|exclude\)\]\]' "$W/rules/generated.toml") generated + built-in"
"$B" rules list "$W/rules" | wc -l | xargs echo "rules in effect:"
"$B" rules test "$W/rules" 2>&1 | tail -1

best() { # best wall time of 5 runs, in ms
  local best=999999
  for _ in 1 2 3 4 5; do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}
if command -v hyperfine >/dev/null; then
  hyperfine -N -w 2 "$B rules list $W/empty" "$B rules list $W/rules"
else
  echo "load+compile+list, built-in only: $(best "$B" rules list "$W/empty") ms (best of 5, whole process)"
  echo "load+compile+list, +$N rules:     $(best "$B" rules list "$W/rules") ms (best of 5, whole process)"
fi
echo "extract ${MB} MB, built-in only:  $(best "$B" extract --rules "$W/empty" "$W/corpus") ms"
echo "extract ${MB} MB, +$N rules:      $(best "$B" extract --rules "$W/rules" "$W/corpus") ms"
