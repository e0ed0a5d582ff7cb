#!/usr/bin/env bash
# Benchmark, not a test: the desktop app as the clerk starts it, without WebDriver in between.
#
#   tests/e2e/bench-desktop.sh [APP] [CLI] [RUNS]
#
# APP and CLI default to the release builds in $CARGO_TARGET_DIR (or target/). Each run starts
# the app on a fresh demo database in its own Xvfb display (1280×800, no window manager) and
# dumps the screen every few milliseconds (xwd) until it has been still for 3 s. It reports:
# - first paint: launch until the screen first differs from the empty display;
# - ready: launch until the screen is, pixel for pixel, what it is once the app has settled
#   (the home screen drawn with the demo township's data);
# - idle PSS (/proc/PID/smaps_rollup, shared pages split between the processes that map them)
#   of the app and each WebKit process it started, 10 s after ready, and their sum.
# Needs xvfb, x11-apps (xwd) and x11-utils (xdpyinfo).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
app=${1:-$target/release/gongkai-app}
cli=${2:-$target/release/gongkai}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

pss_of_tree() {
  local pid=$1 child
  for child in $(ps -o pid= --ppid "$pid"); do pss_of_tree "$child"; done
  if [[ -r /proc/$pid/smaps_rollup ]]; then
    printf '%s %s\n' "$(tr -d '\0' </proc/"$pid"/comm)" \
      "$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup)"
  fi
}

for run in $(seq 1 "$runs"); do
  display=:$((90 + run))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  until DISPLAY=$display xdpyinfo >/dev/null 2>&1; do sleep 0.05; done
  db=$work/demo-$run.sqlite3
  "$cli" demo --db "$db" >/dev/null
  blank=$(DISPLAY=$display xwd -root -silent | md5sum | cut -d' ' -f1)

  started=$(now_ms)
  DISPLAY=$display "$app" --db "$db" >"$work/app-$run.log" 2>&1 &
  app_pid=$!
  first_paint=""
  last=$blank
  last_change=$started
  frames=()
  # Frames as (ms since launch, hash); the app has settled once the screen is still for 3 s.
  while :; do
    t=$(now_ms)
    # xwd fails now and then (BadWindow) when a window goes away while it reads the screen:
    # that frame is skipped, not the run.
    frame=$(DISPLAY=$display xwd -root -silent 2>/dev/null | md5sum | cut -d' ' -f1) || continue
    if [[ $frame != "$last" ]]; then
      last=$frame
      last_change=$t
      frames+=("$((t - started)) $frame")
      [[ -z $first_paint && $frame != "$blank" ]] && first_paint=$((t - started))
    fi
    ((t - last_change > 3000)) && break
    ((t - started > 60000)) && { echo "run $run: the screen did not settle in 60 s" >&2; break; }
  done
  ready=""
  for f in "${frames[@]}"; do
    if [[ ${f#* } == "$last" ]]; then ready=${f%% *}; break; fi
  done
  sleep 10
  tree=$(pss_of_tree "$app_pid")
  total=$(awk '{s += $2} END {printf "%.0f", s / 1024}' <<<"$tree")
  parts=$(awk '{printf "%s%s %.0f MB", (NR > 1 ? ", " : ""), $1, $2 / 1024}' <<<"$tree")
  echo "run $run: first paint ${first_paint:-?} ms, ready ${ready:-?} ms, idle PSS ${total} MB ($parts)"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  kill "$xvfb"
  wait "$xvfb" 2>/dev/null || true
done
