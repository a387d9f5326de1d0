#!/usr/bin/env bash
# Makes sure a Redis server answers on $HUB_REDIS_HOST:$HUB_REDIS_PORT (default 127.0.0.1:6379): the store of the
# cluster-wide rate limits. Order: use a running server; else start the installed redis-server; else install
# Debian's redis-server and start it. The server keeps nothing on disk. Idempotent: safe to run before every build.
set -euo pipefail

HOST=${HUB_REDIS_HOST:-127.0.0.1}
PORT=${HUB_REDIS_PORT:-6379}

log() { printf '[redis] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PING over a plain TCP connection, so that no client needs to be installed.
answers() {
  (
    exec 3<>"/dev/tcp/$HOST/$PORT" || exit 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || exit 1
    [[ $reply == +PONG* ]]
  ) 2>/dev/null
}

if answers; then
  log "ready on $HOST:$PORT"
  exit 0
fi
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing redis-server from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
fi
log "starting redis-server on $HOST:$PORT"
as_root mkdir -p /var/lib/redis /var/log/redis
as_root redis-server --daemonize yes --bind "$HOST" --port "$PORT" --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log
for _ in $(seq 1 30); do answers && break; sleep 0.5; done
answers || { log "Redis does not answer on $HOST:$PORT"; exit 1; }
log "ready on $HOST:$PORT"
