#!/usr/bin/env bash
# Keycloak with the demo realm (k8s/keycloak/supervision-realm.json), for the SSO demo and the SSO end-to-end test.
# The server distribution comes from Maven Central (org.keycloak:keycloak-quarkus-dist) the first time.
#   scripts/keycloak.sh fetch                       download and unpack only
#   scripts/keycloak.sh start [port] [hub base URL] start in the background (fresh realm), wait until it answers
#   scripts/keycloak.sh stop [port]
# Defaults: port 8180, hub http://localhost:8080. Admin console: http://localhost:<port>/admin (admin / admin).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${KEYCLOAK_VERSION:-26.0.7}
home=${KEYCLOAK_HOME:-$HOME/.cache/supervision-hub/keycloak-$version}
command=${1:-start}
port=${2:-8180}
hub=${3:-http://localhost:8080}

fetch() {
  [ -x "$home/bin/kc.sh" ] && return
  mvn -B -ntp -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -Dtransitive=false
  mkdir -p "$(dirname "$home")"
  unzip -q -o "$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip" \
    -d "$(dirname "$home")"
  [ "$(dirname "$home")/keycloak-$version" = "$home" ] || mv "$(dirname "$home")/keycloak-$version" "$home"
}

case "$command" in
  fetch) fetch ;;
  start)
    fetch
    mkdir -p target
    "$0" stop "$port" >/dev/null 2>&1 || true
    # A fresh realm at every start: the development database lives under data/.
    rm -rf "$home/data/h2" "$home/data/import"
    mkdir -p "$home/data/import"
    sed "s#http://localhost:8080#$hub#g" k8s/keycloak/supervision-realm.json > "$home/data/import/supervision-realm.json"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      nohup "$home/bin/kc.sh" start-dev --http-port "$port" --hostname "http://localhost:$port" --import-realm \
      > "target/keycloak-$port.log" 2>&1 &
    echo $! > "target/keycloak-$port.pid"
    for _ in $(seq 1 180); do
      curl -fs "http://localhost:$port/realms/supervision/.well-known/openid-configuration" >/dev/null 2>&1 && {
        echo "keycloak ready on http://localhost:$port (realm supervision)"; exit 0; }
      kill -0 "$(cat "target/keycloak-$port.pid")" 2>/dev/null || { echo "keycloak exited; see target/keycloak-$port.log" >&2; exit 1; }
      sleep 1
    done
    echo "keycloak did not answer in 180 s; see target/keycloak-$port.log" >&2; exit 1 ;;
  stop)
    [ -f "target/keycloak-$port.pid" ] && kill "$(cat "target/keycloak-$port.pid")" 2>/dev/null || true
    # kc.sh starts java as a child; stop whatever still listens on the port.
    pkill -f "keycloak.*--http-port $port" 2>/dev/null || true
    rm -f "target/keycloak-$port.pid" ;;
  *) echo "usage: scripts/keycloak.sh fetch|start|stop [port] [hub base URL]" >&2; exit 2 ;;
esac
