#!/usr/bin/env bash
# The two things a newcomer does on a fresh Debian 12 machine:
#   ./dev.sh demo   install what is missing, build, start the app on the demo township
#   ./dev.sh test   install what is missing, build, run every test (what CI runs)
#   ./dev.sh package   build the installers (.deb, .rpm of the window; .deb of gongkai-portal)
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
  # libdbus-1-dev: the OS keystore (Secret Service) the installation's secrets go to.
  local wanted=(build-essential pkg-config libwebkit2gtk-4.1-dev librsvg2-dev libdbus-1-dev)
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

# Runs one suite, keeps its output, and adds its counts to the totals. A counter prints
# "passed failed ignored" on its first line, then what it has to say per part (one line each;
# a line starting with "!!" fails the suite: tests lost, or none run where tests are expected).
# A suite that fails without a failed test (a build, a crash) adds one failure, so the summary
# never reads "0 failed" after a failure.
PASSED=0 FAILED=0 IGNORED=0 STATUS=0 TABLE=()
run_suite() {
  local name=$1 counter=$2; shift 2
  say "$name"
  local log; log=$(mktemp)
  local started=$SECONDS
  set +e
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  local report; report=$("$counter" "$log")
  local p f i details
  read -r p f i <<<"$(head -n 1 <<<"$report")"
  details=$(tail -n +2 <<<"$report")
  if [ -n "$details" ]; then
    echo "-- $name：各部分"
    printf '%s\n' "$details"
  fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); IGNORED=$((IGNORED + i))
  local verdict
  if [ "$counter" = count_none ]; then verdict="ok"; else verdict="$p passed, $f failed, $i ignored"; fi
  if [ "$rc" != 0 ] || [ "$f" != 0 ] || grep -q '^!!' <<<"$details"; then
    STATUS=1
    [ "$f" != 0 ] || FAILED=$((FAILED + 1))
    verdict="失败（退出码 $rc）$([ "$counter" = count_none ] || echo "：$p passed, $f failed, $i ignored")"
    echo "!! $name 失败（退出码 $rc）"
  fi
  TABLE+=("$(printf '%5ss  %-40s  %s' $((SECONDS - started)) "$verdict" "$name")")
  rm -f "$log"
}

# cargo test: every test binary cargo built for the run must report, and report every test it
# announced ("running N tests" = passed + failed + ignored + measured). Binaries are named by
# package and target, from cargo's own list of what it built.
count_cargo() {
  local bins; bins=$(mktemp)
  cargo test --no-run --message-format=json 2>/dev/null | node -e '
    const path = require("path");
    let text = "";
    process.stdin.on("data", (d) => (text += d)).on("end", () => {
      for (const line of text.split("\n")) {
        if (!line.startsWith("{")) continue;
        const m = JSON.parse(line);
        if (m.reason !== "compiler-artifact" || !m.executable || !m.profile.test) continue;
        const after = m.package_id.split("#")[1] || "";
        const pkg = after.includes("@") ? after.split("@")[0] : m.package_id.split("#")[0].split("/").pop();
        const kind = m.target.kind[0];
        const what = kind === "lib" ? "unit tests" : kind === "test" ? `tests/${m.target.name}` : `${kind} ${m.target.name}`;
        console.log(`${path.basename(m.executable)}\t${pkg} ${what}`);
      }
    });' >"$bins"
  awk -v bins="$bins" '
    BEGIN { while ((getline line < bins) > 0) { split(line, kv, "\t"); label[kv[1]] = kv[2]; n_bins++ } }
    function start(name) { cur = name; order[++n] = name; announced[name] = -1 }
    /^ *Running .*\)$/ {
      exe = $0; sub(/.*\(/, "", exe); sub(/\)$/, "", exe); sub(/.*\//, "", exe)
      ran[exe] = 1; start(exe in label ? label[exe] : exe); next
    }
    /^ *Doc-tests / { name = $0; sub(/^ *Doc-tests /, "", name); start(name " doc-tests"); next }
    /^running [0-9]+ tests?$/ { if (cur != "") announced[cur] = $2; next }
    /^test result:/ {
      split($0, w, " "); pass = w[4]; fail = w[6]; ign = w[8]; meas = w[10]
      P += pass; F += fail; I += ign; reported[cur] = 1
      summary[cur] = sprintf("%4d passed %3d failed %3d ignored  %s", pass, fail, ign, cur)
      if (announced[cur] >= 0 && announced[cur] != pass + fail + ign + meas)
        problem[cur] = sprintf("announced %d tests, reported %d", announced[cur], pass + fail + ign + meas)
      next
    }
    END {
      print P + 0, F + 0, I + 0
      for (k = 1; k <= n; k++) {
        name = order[k]
        if (!(name in reported)) print "!! " name ": no test result (the binary crashed or was stopped)"
        else if (name in problem) print "!! " name ": " problem[name]
        else if (name ~ / doc-tests$/ && announced[name] == 0) empty_docs++
        else print summary[name]
      }
      if (empty_docs) printf "   0 doc-tests in %d crates\n", empty_docs
      for (exe in label) if (!(exe in ran)) print "!! " label[exe] " (" exe "): did not run"
      if (n_bins == 0) print "!! cargo listed no test binaries"
      if (P + F == 0) print "!! no test ran"
    }' "$1"
  rm -f "$bins"
}
# vitest: "Tests  1 failed | 40 passed | 2 skipped (43)": the parts must add up to the total.
count_vitest() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    /^ *Tests / {
      for (i = 1; i <= NF; i++) {
        if ($(i+1) ~ /^passed/) p = $i; if ($(i+1) ~ /^failed/) f = $i
        if ($(i+1) ~ /^(skipped|todo)/) s += $i
        if ($i ~ /^\([0-9]+\)$/) { t = $i; gsub(/[()]/, "", t) }
      }
      seen = 1
    }
    /^ *Test Files / { files = $0 }
    END {
      print p + 0, f + 0, s + 0
      if (files != "") { sub(/^ */, "", files); print files }
      if (!seen || p + f == 0) print "!! no test ran"
      else if (t != "" && t != p + f + s) print "!! " t " tests, " p + f + s " accounted for"
    }'
}
# node --test (TAP): cancelled tests count as failed, skipped and todo as ignored.
count_node() {
  awk '
    /^# tests / {t = $3} /^# pass / {p = $3} /^# fail / {f = $3} /^# cancelled / {c = $3}
    /^# skipped / {s = $3} /^# todo / {d = $3}
    END {
      print p + 0, f + c, s + d
      if (c > 0) print c " cancelled"
      if (p + f + c == 0) print "!! no test ran"
      else if (t != p + f + c + s + d) print "!! " t " tests, " p + f + c + s + d " accounted for"
    }' "$1"
}
count_none() { echo "0 0 0"; }

test_all() {
  ensure_apt xvfb xauth webkit2gtk-driver poppler-utils chromium fonts-noto-cjk
  ensure_npm
  command -v tauri-driver >/dev/null || { say "安装 tauri-driver"; cargo install tauri-driver --version '^2' --locked; }
  # The tests' installation secrets go to key files of their own, never the user's keystore.
  GONGKAI_SECRET_DIR=$(mktemp -d); export GONGKAI_SECRET_DIR

  run_suite "格式检查（cargo fmt --check）" count_none cargo fmt --all -- --check
  run_suite "界面单元测试（vitest）" count_vitest bash -c "cd ui && npm test"
  run_suite "界面构建（vue-tsc + vite）" count_none bash -c "cd ui && npm run build"
  run_suite "静态检查（clippy -D warnings）" count_none cargo clippy --workspace --all-targets -- -D warnings
  # The workspace's default members are exactly the core crates (no WebKit needed).
  # --no-fail-fast: a failing test binary must not stop the ones after it from running.
  run_suite "核心测试（不依赖 WebKit）" count_cargo cargo test --no-fail-fast
  run_suite "构建桌面程序" count_none cargo build -p gongkai-app -p gongkai-cli -p gongkai-portal
  run_suite "端到端测试（真实程序 + WebDriver + Xvfb）" count_node \
    env CARGO_TARGET_DIR="$TARGET" xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/

  echo
  printf '%s\n' "${TABLE[@]}"
  echo "截图：$ROOT/artifacts/e2e/"
  echo "summary: $PASSED passed, $FAILED failed$([ "$IGNORED" = 0 ] || echo ", $IGNORED ignored")"
  return "$STATUS"
}

# The installers this machine can build: the window's .deb and .rpm (with the `gongkai` CLI as
# /usr/bin/gongkai and the desktop entry of packaging/linux), and the county's gongkai-portal
# .deb (systemd unit, own user, database under /var/lib). --debug: unoptimised, to try the
# packaging quickly. Windows' NSIS installer is built on Windows (README).
package() {
  local profile=release cargo_flags=(--release) tauri_flags=()
  [ "${1:-}" != --debug ] || { profile=debug; cargo_flags=(); tauri_flags=(--debug); }
  ensure_apt
  ensure_npm
  say "构建命令行与县级平台（cargo build --$profile）"
  cargo build "${cargo_flags[@]}" -p gongkai-cli -p gongkai-portal
  # tauri.conf.json takes the CLI from here, whatever CARGO_TARGET_DIR is.
  install -D -m 0755 "$TARGET/$profile/gongkai" "$ROOT/target/package/bin/gongkai"
  say "构建桌面安装包（.deb、.rpm）"
  ui/node_modules/.bin/tauri build "${tauri_flags[@]}" --bundles deb,rpm
  say "构建县级平台安装包（gongkai-portal .deb）"
  package_portal "$TARGET/$profile/gongkai-portal" "$TARGET/$profile/bundle/deb"
  say "安装包"
  find "$TARGET/$profile/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' \) -printf '%s\t%p\n' |
    awk -F'\t' '{ printf "%8.1f MB  %s\n", $1 / 1048576, $2 }'
}

package_portal() {
  local binary=$1 out=$2
  local version root deb arch depends
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
  arch=$(dpkg --print-architecture)
  root=$(mktemp -d)
  chmod 0755 "$root"
  install -D -m 0755 "$binary" "$root/usr/bin/gongkai-portal"
  install -D -m 0755 packaging/portal/start "$root/usr/lib/gongkai-portal/start"
  install -D -m 0644 packaging/portal/gongkai-portal.service "$root/lib/systemd/system/gongkai-portal.service"
  install -D -m 0640 packaging/portal/portal.conf "$root/etc/gongkai-portal/portal.conf"
  install -D -m 0644 packaging/portal/README.portal.md "$root/usr/share/doc/gongkai-portal/README.portal.md"
  install -D -m 0644 CHANGELOG.md "$root/usr/share/doc/gongkai-portal/CHANGELOG.md"
  install -d "$root/DEBIAN"
  install -m 0755 packaging/portal/postinst packaging/portal/prerm packaging/portal/postrm "$root/DEBIAN/"
  echo /etc/gongkai-portal/portal.conf >"$root/DEBIAN/conffiles"
  # The shared libraries the binary links, as dpkg-shlibdeps names them (rustls: no OpenSSL).
  depends=$(cd "$root" && mkdir -p debian && touch debian/control &&
    dpkg-shlibdeps -O -e usr/bin/gongkai-portal 2>/dev/null | sed -n 's/^shlibs:Depends=//p'; rm -rf debian)
  cat >"$root/DEBIAN/control" <<CONTROL
Package: gongkai-portal
Version: $version
Architecture: $arch
Maintainer: Gongkai <gongkai@localhost>
Section: web
Priority: optional
Depends: ${depends:-libc6}, adduser
Installed-Size: $(du -sk "$root" | cut -f1)
Description: 县级政务公开平台（gongkai-portal）
 The county portal of Gongkai: receives the townships' signed sync, publishes the
 county catalog, calendar and notices, and serves the public 基层政务公开 pages.
 Runs as the gongkai-portal service; configuration in /etc/gongkai-portal/portal.conf.
CONTROL
  mkdir -p "$out"
  deb="$out/gongkai-portal_${version}_${arch}.deb"
  dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
  rm -rf "$root"
  echo "$deb"
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  package) package "${2:-}" ;;
  *) echo "用法：./dev.sh demo | ./dev.sh test | ./dev.sh package [--debug]" >&2; exit 2 ;;
esac
