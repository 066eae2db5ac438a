#!/usr/bin/env bash
# The benchmark harness, one command (docs/performance.md): builds the apps and the load generator,
# starts PostgreSQL and the three apps as separate processes, loads them, runs pgbench beside them,
# runs the stock-Axon peer (bench/stock-axon) on the same load, and writes bench/results/ (results.md,
# results.json, latency.png, profiles).
#   bench/run.sh            the full run (30 s phases, 1,000,000 seeded events; about 15-20 minutes)
#   bench/run.sh --quick    a short try-out (10 s phases, 200,000 seeded events)
# More options: --phase-seconds N, --seed-events N, --rebuild-minutes N, --no-profile, --out DIR,
#   --until throughput|e2e|pgbench (stop after that phase), --only rebuild (seed, raw read and rebuild only).
# Environment: BENCH_APP_JAVA_OPTS (JVM options for the apps); BENCH_MAVEN_LOCK (lock file the build
# takes with flock, default /tmp/mvn.lock); BENCH_HOLD_LOCK=1 to hold that lock for the whole run, so
# that builds on the same machine wait instead of skewing the figures; BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

LOCK="${BENCH_MAVEN_LOCK:-/tmp/mvn.lock}"
locked() {
  # Serialize with other Maven builds on the same machine when flock is there (it is on Linux).
  if command -v flock >/dev/null 2>&1; then flock "$LOCK" "$@"; else "$@"; fi
}

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  locked ./mvnw -B -q -DskipTests package -pl launcher,bench,bench/stock-axon -am
fi
if ! command -v pgbench >/dev/null 2>&1; then
  echo "pgbench is not installed: the database-limit phase will be skipped (Debian: apt-get install postgresql-client)" >&2
fi

# Run from copies, so that a build running meanwhile cannot swap the jars under the running JVMs.
mkdir -p bench/target/jars
cp launcher/target/ledgerline-local.jar bench/target/jars/ledgerline-local.jar
cp bench/target/ledgerline-bench.jar bench/target/jars/ledgerline-bench.jar
cp bench/stock-axon/target/stock-axon.jar bench/target/jars/stock-axon.jar
run=(java -jar bench/target/jars/ledgerline-bench.jar --apps-jar bench/target/jars/ledgerline-local.jar
     --peer-jar bench/target/jars/stock-axon.jar "$@")
if [ "${BENCH_HOLD_LOCK:-}" = "1" ] && command -v flock >/dev/null 2>&1; then
  exec flock "$LOCK" "${run[@]}"
fi
exec "${run[@]}"
