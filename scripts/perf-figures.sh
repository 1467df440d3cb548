#!/usr/bin/env bash
# Measures of the real release binary for docs/performance.md:
#  - start to first frame: the whole run of `hangup` with HANGUP_EXIT_AFTER_FIRST_FRAME=1
#    in a pseudo-terminal (`script`): start, load every built-in scenario, take
#    over the terminal, draw the first frame, give the terminal back, exit.
#    An upper bound on the time to the first frame. Median and worst of N runs.
#  - peak memory: Maximum resident set size from GNU time (`/usr/bin/time -v`).
#  - release binary size.
# Usage: scripts/perf-figures.sh [RUNS] [BINARY]   (default 30, target/release/hangup)
# Needs: script (util-linux), GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
bin=$(realpath "${2:-target/release/hangup}")
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release --features test-hooks" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export TERM=xterm-256color

# Run a command line inside a pseudo-terminal of 80x24 (or 200x60).
in_pty() { # cols rows command...
  local cols=$1 rows=$2; shift 2
  script -qec "stty cols $cols rows $rows; $*" /dev/null > /dev/null
}

first_frame() { # label cols rows args
  local label=$1 cols=$2 rows=$3; shift 3
  : > "$tmp/t"
  for _ in $(seq "$runs"); do
    in_pty "$cols" "$rows" "bash -c 'TIMEFORMAT=%3R; { time HANGUP_EXIT_AFTER_FIRST_FRAME=1 $bin $* ; } 2>> $tmp/t'"
  done
  sort -n "$tmp/t" | awk -v l="$label" '{ v[NR] = $1 } END {
    printf "first frame, %-26s median %.1f ms, worst %.1f ms (%d runs)\n", l, v[int((NR + 1) / 2)] * 1000, v[NR] * 1000, NR }'
}

peak() { # label cols rows args
  local label=$1 cols=$2 rows=$3; shift 3
  in_pty "$cols" "$rows" "HANGUP_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -v -o $tmp/m $bin $*"
  awk -F': ' -v l="$label" '/Maximum resident set size/ { printf "peak memory, %-26s %.1f MB (%s KB)\n", l, $2 / 1024, $2 }' "$tmp/m"
}

first_frame "start screen 80x24:" 80 24
first_frame "start screen 200x60:" 200 60
first_frame "play police-courier 80x24:" 80 24 play police-courier
peak "start screen 80x24:" 80 24
peak "start screen 200x60:" 200 60
peak "play police-courier 80x24:" 80 24 play police-courier
/usr/bin/time -v -o "$tmp/m" "$bin" --plain < /dev/null > /dev/null
awk -F': ' '/Maximum resident set size/ { printf "peak memory, %-26s %.1f MB (%s KB)\n", "plain menu:", $2 / 1024, $2 }' "$tmp/m"
/usr/bin/time -v -o "$tmp/m" "$bin" list > /dev/null
awk -F': ' '/Maximum resident set size/ { printf "peak memory, %-26s %.1f MB (%s KB)\n", "list:", $2 / 1024, $2 }' "$tmp/m"
stat -c %s "$bin" | awk '{ printf "release binary size: %d bytes (%.2f MB)\n", $1, $1 / 1048576 }'
