# Shared by the speed scripts (source it; RUNS must be set): best wall and CPU seconds of
# RUNS runs of a command, printed as "WALL CPU". CPU is user + system time, which a busy
# machine inflates less than wall time.

# best_of FILE CMD...        runs: CMD... < FILE > /dev/null
best_of() {
    local file=$1; shift
    _best_of bash -c 'time "$@" < "$0" > /dev/null' "$file" "$@"
}

# best_of_arg FILE CMD...    runs: CMD... FILE > /dev/null
best_of_arg() {
    local file=$1; shift
    _best_of bash -c 'time "$@" > /dev/null' "$0" "$@" "$file"
}

_best_of() {
    local best_wall=999999 best_cpu=999999 t wall user sys
    for _ in $(seq "$RUNS"); do
        t=$( { /usr/bin/env TIMEFORMAT='%R %U %S' "$@"; } 2>&1 | tail -1)
        read -r wall user sys <<<"$t"
        best_wall=$(awk -v a="$best_wall" -v b="$wall" 'BEGIN { print (b < a ? b : a) }')
        best_cpu=$(awk -v a="$best_cpu" -v b="$user" -v c="$sys" 'BEGIN { print (b + c < a ? b + c : a) }')
    done
    echo "$best_wall $best_cpu"
}
