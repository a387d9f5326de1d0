#!/usr/bin/env bash
# Makes sure a MariaDB server answers on $HUB_MARIADB_HOST:$HUB_MARIADB_PORT (default 127.0.0.1:3306): the 前置库
# (staging database) the staging-db adapter tests dock against. Order: use a running server; else start the installed
# mariadbd; else install Debian's mariadb-server and start it. Tests create their own databases (root, no password).
# Idempotent: safe to run before every build.
set -euo pipefail

HOST=${HUB_MARIADB_HOST:-127.0.0.1}
PORT=${HUB_MARIADB_PORT:-3306}

log() { printf '[mariadb] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

answers() { mysqladmin --protocol=tcp -h "$HOST" -P "$PORT" -u root ping >/dev/null 2>&1; }

if answers; then
  log "ready on $HOST:$PORT"
  exit 0
fi
if [ ! -x /usr/sbin/mariadbd ]; then
  log "installing mariadb-server from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq mariadb-server >/dev/null
fi
as_root mkdir -p /run/mysqld
as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
log "starting mariadbd"
as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
for _ in $(seq 1 60); do
  if answers; then
    log "ready on $HOST:$PORT"
    exit 0
  fi
  sleep 0.5
done
log "mariadbd does not answer on $HOST:$PORT after 30 s"
exit 1
