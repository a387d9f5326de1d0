#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on $HUB_DB_HOST:$HUB_DB_PORT and that the hub's role and
# databases exist. Order: use a running server; else start an installed cluster; else install one.
# Idempotent: safe to run before every build.
set -euo pipefail

HOST=${HUB_DB_HOST:-127.0.0.1}
PORT=${HUB_DB_PORT:-5432}
HUB_USER=${HUB_DB_USER:-hub}
HUB_PASSWORD=${HUB_DB_PASSWORD:-hub}
DATABASES=("${HUB_DB_NAME:-hub}" "${HUB_TEST_DB_NAME:-hub_test}")

log() { printf '[postgres] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

answers() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

start_installed_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local version cluster
  read -r version cluster _ < <(pg_lsclusters --no-header | awk -v port="$PORT" '$3 == port {print $1, $2; exit}') || true
  [ -n "${version:-}" ] || return 1
  log "starting installed cluster $version/$cluster"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || as_root pg_ctlcluster "$version" "$cluster" start
}

install_postgres() {
  log "installing PostgreSQL from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  start_installed_cluster || { version=$(ls /etc/postgresql | sort -V | tail -1); as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start; }
}

# Superuser access: trust over TCP as postgres when allowed, else peer auth through the local socket.
psql_admin() {
  if psql -h "$HOST" -p "$PORT" -U postgres -d postgres -qtAc 'select 1' >/dev/null 2>&1; then
    psql -h "$HOST" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
  else
    as_root runuser -u postgres -- psql -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
  fi
}

if ! answers; then
  command -v pg_isready >/dev/null 2>&1 || install_postgres
  answers || start_installed_cluster || install_postgres
  for _ in $(seq 1 30); do answers && break; sleep 1; done
  answers || { log "PostgreSQL does not answer on $HOST:$PORT"; exit 1; }
fi

if [ "$(psql_admin -c "select count(*) from pg_roles where rolname = '$HUB_USER'")" = "0" ]; then
  log "creating role $HUB_USER"
  psql_admin -c "create role \"$HUB_USER\" login password '$HUB_PASSWORD'"
fi
for database in "${DATABASES[@]}"; do
  if [ "$(psql_admin -c "select count(*) from pg_database where datname = '$database'")" = "0" ]; then
    log "creating database $database"
    psql_admin -c "create database \"$database\" owner \"$HUB_USER\" encoding 'UTF8' template template0"
  fi
done
# The hub needs pg_trgm (a trusted extension, but contrib must be installed).
if [ "$(psql_admin -c "select count(*) from pg_available_extensions where name = 'pg_trgm'")" = "0" ]; then
  install_postgres
fi
log "ready on $HOST:$PORT (role $HUB_USER, databases ${DATABASES[*]})"
