#!/usr/bin/env bash
# Everything CI runs, on a fresh Debian machine with the .NET SDK:
#   installs what is missing (PostgreSQL 15, Prometheus + promtool, Chromium + ChromeDriver),
#   starts a throwaway PostgreSQL cluster on a free loopback port as an unprivileged user,
#   runs the whole test suite, stops the cluster, and exits non-zero if anything failed.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Clock]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\033[1;34m[test.sh]\033[0m %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# 1. Prerequisites. Installs only what is missing, so a second run is fast.
# ---------------------------------------------------------------------------------------------
pg_bin=""
find_pg_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { pg_bin="$d"; return 0; }
  done
  return 1
}

need=()
find_pg_bin || need+=(postgresql)
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing: ${need[*]}; run as root (or install them) so that the suite can use them"
  else
    log "installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # --no-install-recommends keeps the install small; prometheus would otherwise pull in exporters.
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Debian starts the packaged services; the suite uses its own throwaway instances instead.
    for svc in prometheus postgresql; do
      if command -v systemctl >/dev/null 2>&1; then systemctl stop "$svc" >/dev/null 2>&1 || true; fi
      service "$svc" stop >/dev/null 2>&1 || true
    done
    find_pg_bin || { log "PostgreSQL was installed but initdb was not found"; exit 1; }
  fi
fi

# ---------------------------------------------------------------------------------------------
# 2. A throwaway PostgreSQL cluster in a temporary directory, on a free port.
# ---------------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/slagrid-test.XXXXXX)
chmod 755 "$work"
pg_data="$work/pgdata"
pg_started=0

cleanup() {
  if [ "$pg_started" = 1 ]; then
    log "stopping PostgreSQL"
    run_as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

pg_user=""
run_as_pg() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

if [ -n "$pg_bin" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: use the packaged 'postgres' user, or make one.
    if id postgres >/dev/null 2>&1; then pg_user=postgres
    else useradd --system --no-create-home slagrid-pg >/dev/null 2>&1 || true; pg_user=slagrid-pg; fi
    mkdir -p "$pg_data" && chown "$pg_user" "$pg_data"
  fi
  pg_port=$(free_port)
  log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
  run_as_pg "$pg_bin/initdb" -D "$pg_data" -U slagrid --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; exit 1; }
  run_as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $pg_port -k $pg_data -c fsync=on -c max_connections=300 -c shared_buffers=256MB" start >/dev/null \
    || { cat "$pg_data/server.log"; exit 1; }
  pg_started=1
  export SLAGRID_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=slagrid;Database=postgres;Pooling=true;Maximum Pool Size=100"
  export SLAGRID_TEST_PG_BIN="$pg_bin"
  export SLAGRID_TEST_PG_DATA="$pg_data"
  export SLAGRID_TEST_PG_USER="$pg_user"
else
  log "PostgreSQL is not available: its tests are skipped (they fail under CI=true)"
fi

# ---------------------------------------------------------------------------------------------
# 3. The suite.
# ---------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$root/TestResults"
rm -rf "$results"
log "building"
dotnet build SlaGrid.slnx -c Release -nologo -v quiet
log "running the tests"
set +e
# A test that hangs (no test finishing for 10 minutes) fails its project with its name instead of using up CI's time.
dotnet test SlaGrid.slnx -c Release --no-build -nologo \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line that any CI reader understands, summed over every test project.
python3 - "$work/test.log" <<'PY' || true
import re, sys
p = f = s = 0
block = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    # minimal verbosity: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12"
    m = re.search(r"Failed:\s*(\d+), Passed:\s*(\d+), Skipped:\s*(\d+)", line)
    if m:
        f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
        continue
    # normal verbosity: a "Total tests: N" block followed by "Passed: N" / "Failed: N" / "Skipped: N" lines
    m = re.match(r"\s*(Total tests|Passed|Failed|Skipped):\s*(\d+)\s*$", line)
    if m:
        if m.group(1) == "Total tests":
            block = {}
        block[m.group(1)] = int(m.group(2))
        if m.group(1) == "Passed":
            p += block["Passed"]
        elif m.group(1) == "Failed":
            f += block["Failed"]
        elif m.group(1) == "Skipped":
            s += block["Skipped"]
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit "$status"
