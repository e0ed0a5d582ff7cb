#!/usr/bin/env bash
# Makes tests/fixtures/upgrade/<release>/ with the RELEASED binaries (not this checkout's):
#   git worktree add /tmp/prev <release commit>
#   (cd /tmp/prev && CARGO_TARGET_DIR=/tmp/prev-target cargo build -p gongkai-cli -p gongkai-portal)
#   packaging/make-upgrade-fixture.sh <release> /tmp/prev-target/debug
# then records the expectations with this checkout's tests, from the files as made:
#   GONGKAI_UPGRADE_RECORD=1 cargo test -p gongkai-store --test upgrade
#   GONGKAI_UPGRADE_RECORD=1 cargo test -p gongkai-portal --test upgrade
# The township is the fictional 示范镇 (`gongkai demo`); it syncs once with the release's portal
# on loopback, after the county published a notice, so both files hold sync state.
set -euo pipefail
release=${1:?release, e.g. 0.1.0}
bin=${2:?folder of the released gongkai and gongkai-portal binaries}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/tests/fixtures/upgrade/$release
[ ! -e "$out" ] || { echo "$out exists: a released fixture is never remade" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${portal_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out/secrets"
export GONGKAI_SECRET_DIR=$out/secrets

"$bin/gongkai" demo --db "$work/township.sqlite3" >/dev/null
identity=$("$bin/gongkai" sync identity --db "$work/township.sqlite3" --json)
code=$(printf '%s' "$identity" | python3 -c 'import json,sys; print(json.load(sys.stdin)["township_code"])')
key=$(printf '%s' "$identity" | python3 -c 'import json,sys; print(json.load(sys.stdin)["public_key"])')
"$bin/gongkai-portal" township add --db "$work/portal.sqlite3" --code "$code" --name 示范镇 --public-key "$key"
cat >"$work/notice.json" <<'JSON'
{"version": "2026-notice-1", "title": "关于做好年度政务公开工作的通知",
 "body": "各乡镇：请按目录做好年度政务公开工作。（演示数据）", "published_on": "2026-11-02"}
JSON
"$bin/gongkai-portal" publish-notice --db "$work/portal.sqlite3" --file "$work/notice.json"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/gongkai-portal" serve --db "$work/portal.sqlite3" --listen "127.0.0.1:$port" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 50); do grep -q 已启动 "$work/portal.log" && break; sleep 0.1; done
"$bin/gongkai" sync --db "$work/township.sqlite3" --portal "http://127.0.0.1:$port"
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true

# One self-contained file each (the WAL folded in), as small as the content allows.
for name in township portal; do
  sqlite3 "$work/$name.sqlite3" "VACUUM INTO '$out/$name.sqlite3'"
done
ls -l "$out" "$out/secrets"
