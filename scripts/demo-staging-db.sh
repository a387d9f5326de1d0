#!/usr/bin/env bash
# The demo's 前置库: the city-market-staging example (adapters/city-market-staging) docks a city bureau through a MariaDB
# exchange database. Makes sure MariaDB answers, then creates that database with the example's tables
# (staging-tables.sql) and the exchange account the hub logs in with, so the demo polls a real staging table: insert a
# row into t_xzjc or t_xzcf and the hub writes its receipt (hub_status, hub_errors, hub_id, hub_time) back within 30 s.
# Idempotent. The password is the demo's; production sets HUB_STAGING_CITY_MARKET_PASSWORD from its secret.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HUB_MARIADB_HOST:-127.0.0.1}
PORT=${HUB_MARIADB_PORT:-3306}
DB=city_market_exchange
USER=${HUB_STAGING_CITY_MARKET_USER:-hub_exchange}
PASSWORD=${HUB_STAGING_CITY_MARKET_PASSWORD:-demo-exchange-password}

bash scripts/ensure-mariadb.sh
maria() { mysql --protocol=tcp -h "$HOST" -P "$PORT" -u root "$@"; }
maria -e "create database if not exists $DB default character set utf8mb4"
if [ -z "$(maria -N -e "select 1 from information_schema.tables where table_schema = '$DB' and table_name = 't_xzjc'")" ]; then
  maria "$DB" < adapters/city-market-staging/staging-tables.sql
fi
for host in 127.0.0.1 localhost; do
  maria -e "create user if not exists '$USER'@'$host' identified by '$PASSWORD';
            alter user '$USER'@'$host' identified by '$PASSWORD';
            grant select, insert, update on $DB.* to '$USER'@'$host'"
done
printf '[staging] %s ready on %s:%s (account %s)\n' "$DB" "$HOST" "$PORT" "$USER" >&2
