#!/usr/bin/env bash
# Idle CPU of the real binary: start it in a pseudo-terminal (tmux), leave it
# alone, and read the CPU time it used from /proc/PID/stat (utime + stime, in
# clock ticks) over a fixed window. A program that blocks on input uses 0 ticks.
#
# Usage: scripts/idle-cpu.sh [SECONDS] [BINARY]
#   SECONDS  the idle window for each case (default 30)
#   BINARY   default target/release/hangup (build it with: cargo build --release)
# Cases: practice (quick-check offer, quick check, start screen, mid-call);
# group (plan, mid-call); kiosk (attract screen, quick check, mid-call; each
# window shorter than its 120 s idle timeout). Each case first waits until the
# screen shows the text that proves it got there, and fails if it does not.
# Needs tmux. Prints the date, binary and load average, one line per case,
# and exits non-zero if any case used 0.1% of a core or more.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
bin=$(realpath "${2:-target/release/hangup}")
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
hz=$(getconf CLK_TCK)
dir=$(mktemp -d)
n=0
sock=""
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# Each case gets its own tmux server (socket): reusing one socket straight
# after kill-server raced with the dying server ("server exited unexpectedly").
cleanup() {
  for s in "$dir"/sock.*; do
    [ -e "$s" ] && tmux -L "${s##*/sock.}" kill-server 2>/dev/null || true
  done
  rm -rf "$dir"
}
trap cleanup EXIT

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Wait (up to 10 s) until the screen shows TEXT; 0 if it did.
wait_for() {
  for _ in $(seq 100); do
    tm capture-pane -p 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

fail=0
measure() { # name, keys to send before idling, text the screen must then show, args...
  local name=$1 keys=$2 want=$3; shift 3
  n=$((n + 1))
  sock="hangup-idle-$$-$n"
  : >"$dir/sock.$sock"
  rm -f "$dir/pid"
  tm new-session -d -x 80 -y 24 \
    "sh -c 'echo \$\$ > $dir/pid; exec \"\$0\" \"\$@\"' $bin $*"
  for _ in $(seq 100); do [ -s "$dir/pid" ] && break; sleep 0.05; done
  local pid; pid=$(cat "$dir/pid")
  sleep 1 # first frame
  # The kiosk ignores keys for a moment after each new screen (its input
  # guard), so keys are sent slowly.
  for k in $keys; do tm send-keys "$k"; sleep 0.7; done
  if ! wait_for "$want"; then
    printf '%-28s did not reach a screen showing "%s"; it shows:\n' "$name" "$want"
    tm capture-pane -p | grep -v '^[[:space:]]*$' | head -8 | sed 's/^/    /'
    fail=1
    tm kill-server 2>/dev/null || true
    return
  fi
  sleep 0.5 # let the last frame settle
  local before after used pct
  before=$(ticks "$pid")
  sleep "$secs"
  if ! kill -0 "$pid" 2>/dev/null; then
    printf '%-28s exited while idle\n' "$name"
    fail=1
    return
  fi
  after=$(ticks "$pid")
  used=$((after - before))
  # percent of one core = used ticks / (secs * hz) * 100
  pct=$(awk -v u="$used" -v s="$secs" -v h="$hz" 'BEGIN { printf "%.4f", u / (s * h) * 100 }')
  printf '%-28s %3d ticks in %ss (%s Hz) = %s%% of one core\n' "$name" "$used" "$secs" "$hz" "$pct"
  awk -v p="$pct" 'BEGIN { exit !(p < 0.1) }' || fail=1
  tm kill-server 2>/dev/null || true
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC') $bin; load:$(uptime | sed 's/.*load average: / /')"
export HANGUP_DATA_DIR="$dir/data"
# A new data folder: practice and kiosk first offer the quick check ("2" is "not now").
measure "practice, quick-check offer" "" "Yes, start the check"
measure "practice, quick check" "1" "Quick check, call 1 of 6"
measure "practice, start screen" "2" "Choose a call"
measure "practice, mid-call" "Enter" "What would you do?" play police-courier
measure "group, plan screen" "" "TODAY'S PLAN" group
# Row 1 of the plan is the quick check: "1" leaves it out, so Enter starts the call.
measure "group, mid-call" "1 Enter Enter" "Call 1 of 1" group --scenario police-courier
# Kiosk: the idle timer must not wake it until the real deadline (120 s default).
measure "kiosk, attract screen" "" "Touch the screen" kiosk
measure "kiosk, quick check" "x 1" "Quick check, call 1 of 6" kiosk
measure "kiosk, mid-call" "x 2 1 Enter" "What would you do?" kiosk
exit $fail
