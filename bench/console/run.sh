#!/usr/bin/env bash
# The console on the demo data: each indicator endpoint's latency (median and worst of 20 calls, after 5 warm-up
# calls) and the dashboard's first paint and time to its indicators in headless Chromium.
#   bench/console/run.sh
# Uses database hub_bench_console (kept for re-runs; the demo data set is loaded on first start), starts the hub on a
# spare port and writes bench/results/console-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${BENCH_PORT:-8087}
db=hub_bench_console
work=target/bench-console
mkdir -p "$work" bench/results
bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
node_path=$(bash scripts/e2e-prereqs.sh)
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
[ "$(psql_admin -c "select count(*) from pg_database where datname = '$db'")" = "1" ] || psql_admin -c "create database $db owner hub"

[ "${BUILD:-1}" = "0" ] || mvn -B -ntp -q package -DskipTests

HUB_DB_NAME=$db java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) \
  -Dquarkus.log.level=WARN -Dhub.sync.national.url=http://127.0.0.1:9 -jar target/quarkus-app/quarkus-run.jar > "$work/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null || { echo "hub did not start; see $work/hub.log" >&2; exit 1; }

base="http://127.0.0.1:$port"
token=$(scripts/demo-token.sh region-admin "" 450000)
year=$(date +%Y)
results="bench/results/console-$(date +%F).md"
{
  echo "# Console on the demo data ($(date +%F))"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; hub, PostgreSQL and Chromium on the same machine."
  echo "Caller: region-admin of 450000 (the whole demo province). Each endpoint: 5 warm-up calls, then 20 timed calls."
  echo
  echo "| endpoint | median ms | worst ms |"
  echo "|---|---|---|"
} > "$results"
for path in "/api/v1/stats/claims" "/api/v1/stats/coverage?from=$year-01-01" "/api/v1/stats/monthly?from=$year-01-01" \
            "/api/v1/stats/permit-binding" "/api/v1/stats/claims?region=450100" \
            "/api/v1/stats/effectiveness?from=$year-01-01" "/api/v1/stats/effectiveness?region=450100&from=$year-01-01" \
            "/api/v1/stats/export?from=$year-01-01"; do
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$base$path"; done
  times=$(for _ in $(seq 1 20); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$path"
  done | sort -n)
  median=$(echo "$times" | awk '{a[NR]=$1} END {printf "%.1f", (a[10]+a[11])/2*1000}')
  worst=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
  echo "| \`$path\` | $median | $worst |" >> "$results"
done

NODE_PATH=$node_path node - "$base" >> "$results" <<'JS'
const { chromium } = require('playwright-core');
(async () => {
  const base = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const runs = [];
  for (let i = 0; i < 6; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/console/#/sign-in`);
    await page.selectOption('#demo-role', 'region-admin');
    await page.fill('#demo-region', '450000');
    const started = Date.now();
    await page.click('#demo-submit');
    await page.waitForSelector('#claim-rate');
    await page.waitForSelector('#region-chart canvas');
    const indicators = Date.now() - started;
    await page.reload();
    const reloaded = Date.now();
    await page.waitForSelector('#claim-rate');
    const paint = await page.evaluate(() => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      return entry ? entry.startTime : null;
    });
    runs.push({ indicators, reload: Date.now() - reloaded, paint });
    await page.context().close();
  }
  await browser.close();
  const measured = runs.slice(1); // the first run warms the hub's JIT and caches
  const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  console.log('');
  console.log('Dashboard in headless Chromium (median of 5 runs after one warm-up):');
  console.log('');
  console.log(`- first contentful paint after a reload: ${median(measured.map((r) => r.paint)).toFixed(0)} ms`);
  console.log(`- from pressing 登录 to the indicators and the region chart drawn: ${median(measured.map((r) => r.indicators))} ms`);
  console.log(`- from a reload to the indicators shown: ${median(measured.map((r) => r.reload))} ms`);
})();
JS
bundle=$(cat target/classes/META-INF/resources/console/assets/*.js target/classes/META-INF/resources/console/assets/*.css | gzip -9 | wc -c)
echo "- the console's bundle (JS + CSS), gzipped: $((bundle / 1024)) KiB" >> "$results"
cat "$results"
