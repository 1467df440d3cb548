#!/usr/bin/env bash
# Idle CPU of the real binary: start it in a pseudo-terminal (tmux), leave it
# alone, and read the CPU time it used from /proc/PID/stat (utime + stime, in
# clock ticks) over a fixed window. A program that blocks on input uses 0 ticks.
#
# Usage: scripts/idle-cpu.sh [SECONDS] [BINARY]
#   SECONDS  the idle window for each case (default 30)
#   BINARY   default target/release/hangup (build it with: cargo build --release)
# Cases: practice start screen and mid-call; group plan and mid-call; kiosk
# attract screen and mid-call (shorter than its 120 s idle timeout).
# Needs tmux. Prints one line per case and exits non-zero if any case used
# 0.1% of a core or more.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
bin=$(realpath "${2:-target/release/hangup}")
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
hz=$(getconf CLK_TCK)
sock="hangup-idle-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
dir=$(mktemp -d)
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

fail=0
measure() { # name, keys to send before idling, args...
  local name=$1 keys=$2; shift 2
  rm -f "$dir/pid"
  tm new-session -d -x 80 -y 24 \
    "sh -c 'echo \$\$ > $dir/pid; exec \"\$0\" \"\$@\"' $bin $*"
  for _ in $(seq 100); do [ -s "$dir/pid" ] && break; sleep 0.05; done
  local pid; pid=$(cat "$dir/pid")
  sleep 1 # first frame
  for k in $keys; do tm send-keys "$k"; sleep 0.3; done
  local before after used pct
  before=$(ticks "$pid")
  sleep "$secs"
  after=$(ticks "$pid")
  used=$((after - before))
  # percent of one core = used ticks / (secs * hz) * 100
  pct=$(awk -v u="$used" -v s="$secs" -v h="$hz" 'BEGIN { printf "%.4f", u / (s * h) * 100 }')
  printf '%-28s %3d ticks in %ss (%s Hz) = %s%% of one core\n' "$name" "$used" "$secs" "$hz" "$pct"
  awk -v p="$pct" 'BEGIN { exit !(p < 0.1) }' || fail=1
  tm kill-server 2>/dev/null || true
}

export HANGUP_DATA_DIR="$dir/data"
# A new data folder: practice and kiosk first offer the quick check ("2" is "not now").
measure "practice, quick-check offer" ""
measure "practice, quick check" "1"
measure "practice, start screen" "2"
measure "practice, mid-call" "Enter" play police-courier
measure "group, plan screen" "" group
# Row 1 of the plan is the quick check: "1" leaves it out, so Enter starts the call.
measure "group, mid-call" "1 Enter Enter" group --scenario police-courier
# Kiosk: the idle timer must not wake it until the real deadline (120 s default).
measure "kiosk, attract screen" "" kiosk
measure "kiosk, quick check" "x 1" kiosk
measure "kiosk, mid-call" "x 2 1 Enter" kiosk
exit $fail
