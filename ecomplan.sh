#!/usr/bin/env bash
# EcomPlan's two commands.
#   ./ecomplan.sh run    build and start the platform on SQLite (http://localhost:5080), seeded with the real plans
#   ./ecomplan.sh test   the whole test suite, on SQLite and on a local PostgreSQL it installs and starts itself
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'ecomplan: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
  log "Installing ${missing[*]} (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  log "Building"
  dotnet build "$ROOT/EcomPlan.slnx" -c "${CONFIGURATION:-Debug}" -nologo -v quiet "$@"
}

# A PostgreSQL server of our own on loopback (port 55432), started once and reused; never the system's cluster.
PG_PORT=${ECOMPLAN_PG_PORT:-55432}
PG_DIR=${ECOMPLAN_PG_DIR:-${TMPDIR:-/tmp}/ecomplan-pg-$PG_PORT}
pg_start() {
  apt_install postgresql
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/pg_ctl" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql"
  local run=()
  if [ "$(id -u)" = 0 ]; then run=(runuser -u postgres --); fi  # PostgreSQL refuses to run as root
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    log "Creating PostgreSQL cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    "${run[@]}" "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$PG_DIR/server.log" >&2 || true; die "PostgreSQL did not start"; }
  fi
  "${run[@]}" "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -t 30 >/dev/null || die "PostgreSQL is not accepting connections on $PG_PORT"
  export ECOMPLAN_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

run_suite() { # $1 = sqlite | postgres
  local out="$ROOT/artifacts/test-$1.log"
  log "Test suite on $1"
  set +e
  ECOMPLAN_TEST_DB=$1 dotnet test "$ROOT/tests/EcomPlan.Tests" --no-build -c "${CONFIGURATION:-Debug}" --nologo 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  set -e
  local line
  line=$(grep -E '^(Passed|Failed)!' "$out" | tail -n1)
  passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")))
  [ -n "$line" ] || { failed=$((failed + 1)); echo "no test summary for $1" >&2; }
  [ "$status" = 0 ] || suite_failed=1
}

cmd_test() {
  mkdir -p "$ROOT/artifacts"
  # browser tests; a real SMTP server for the e-mail tests; LibreOffice renders the generated DOCX to PDF
  # (fonts-liberation2 has the Vietnamese letters of a Times New Roman metric twin)
  apt_install chromium python3-aiosmtpd libreoffice-writer-nogui fonts-liberation2
  pg_start
  build
  passed=0 failed=0 suite_failed=0
  run_suite sqlite
  run_suite postgres
  echo
  echo "SQLite and PostgreSQL runs together:"
  echo "$passed passed, $failed failed"
  [ "$suite_failed" = 0 ] && [ "$failed" = 0 ]
}

cmd_run() {
  build
  log "EcomPlan on ${ASPNETCORE_URLS:-http://localhost:5080} (database: ${Database__Provider:-Sqlite})"
  cd "$ROOT/src/EcomPlan.Web"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  # The example accounts (published password) only for local development, never in Production (the app refuses it).
  if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then export Accounts__ExampleAccounts="${Accounts__ExampleAccounts:-true}"; fi
  exec dotnet run --no-build -c "${CONFIGURATION:-Debug}" --no-launch-profile --urls "${ASPNETCORE_URLS:-http://localhost:5080}"
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  pg-start) pg_start; echo "$ECOMPLAN_TEST_PG" ;;
  *) echo "usage: $0 run | test | pg-start" >&2; exit 2 ;;
esac
