#!/usr/bin/env bash
# The two things a newcomer does on a fresh Debian 12 machine:
#   ./dev.sh demo   install what is missing, build, start the app on the demo township
#   ./dev.sh test   install what is missing, build, run every test (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: the WebKitGTK build stack always; Xvfb when there is no display; the
# WebDriver for WebKitGTK for the end-to-end tests.
ensure_apt() {
  local wanted=(build-essential pkg-config libwebkit2gtk-4.1-dev librsvg2-dev)
  wanted+=("$@")
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "安装系统软件包：${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if ! command -v cargo >/dev/null; then
    echo "缺少 Rust 工具链：请先用 rustup 安装 stable 版（1.90 或更新）后重试" >&2
    exit 1
  fi
}

ensure_npm() {
  # npm ci only when the lockfile changed since the last install.
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "安装前端依赖（npm ci）"
    (cd ui && npm ci --no-audit --no-fund)
  fi
}

build_app() {
  say "构建界面（vite）"
  (cd ui && npm run build)
  say "构建工作台与命令行（cargo build）"
  cargo build -p gongkai-app -p gongkai-cli -p gongkai-portal
}

demo() {
  local display_pkgs=()
  [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || display_pkgs=(xvfb xauth)
  ensure_apt "${display_pkgs[@]}"
  ensure_npm
  build_app
  local data=${XDG_DATA_HOME:-$HOME/.local/share}/gongkai
  local db=$data/示范镇.sqlite3
  mkdir -p "$data"
  [ -f "$db" ] || "$TARGET/debug/gongkai" demo --db "$db"
  say "启动工作台：$db"
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$TARGET/debug/gongkai-app" --db "$db"
  else
    echo "没有图形显示，在虚拟显示（Xvfb）中运行"
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$TARGET/debug/gongkai-app" --db "$db"
  fi
}

# Runs one suite, keeps its output, and adds its counts to the totals.
PASSED=0 FAILED=0 STATUS=0 TIMES=()
run_suite() {
  local name=$1 counter=$2; shift 2
  say "$name"
  local log; log=$(mktemp)
  local started=$SECONDS
  set +e
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  TIMES+=("$(printf '%5ss  %s' $((SECONDS - started)) "$name")")
  local counts; counts=$("$counter" "$log")
  PASSED=$((PASSED + ${counts% *})); FAILED=$((FAILED + ${counts#* }))
  if [ "$rc" != 0 ]; then
    STATUS=1
    [ "${counts#* }" != 0 ] || FAILED=$((FAILED + 1)) # a suite that failed before counting
    echo "!! $name 失败（退出码 $rc）"
  fi
  rm -f "$log"
}
count_cargo() { awk '/^test result:/ {p+=$4; f+=$6} END {print p+0, f+0}' "$1"; }
count_vitest() { sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '/^ *Tests / {for (i=1;i<=NF;i++) {if ($(i+1) ~ /^passed/) p=$i; if ($(i+1) ~ /^failed/) f=$i}} END {print p+0, f+0}'; }
count_node() { awk '/^# pass / {p=$3} /^# fail / {f=$3} END {print p+0, f+0}' "$1"; }
count_none() { echo "0 0"; }

test_all() {
  ensure_apt xvfb xauth webkit2gtk-driver poppler-utils chromium fonts-noto-cjk
  ensure_npm
  command -v tauri-driver >/dev/null || { say "安装 tauri-driver"; cargo install tauri-driver --version '^2' --locked; }

  run_suite "格式检查（cargo fmt --check）" count_none cargo fmt --all -- --check
  run_suite "界面单元测试（vitest）" count_vitest bash -c "cd ui && npm test"
  run_suite "界面构建（vue-tsc + vite）" count_none bash -c "cd ui && npm run build"
  run_suite "静态检查（clippy -D warnings）" count_none cargo clippy --workspace --all-targets -- -D warnings
  # The workspace's default members are exactly the core crates (no WebKit needed).
  run_suite "核心测试（不依赖 WebKit）" count_cargo cargo test
  run_suite "构建桌面程序" count_none cargo build -p gongkai-app -p gongkai-cli -p gongkai-portal
  run_suite "端到端测试（真实程序 + WebDriver + Xvfb）" count_node \
    env CARGO_TARGET_DIR="$TARGET" xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/

  echo
  printf '%s\n' "${TIMES[@]}"
  echo "截图：$ROOT/artifacts/e2e/"
  echo "summary: $PASSED passed, $FAILED failed"
  return "$STATUS"
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  *) echo "用法：./dev.sh demo | ./dev.sh test" >&2; exit 2 ;;
esac
