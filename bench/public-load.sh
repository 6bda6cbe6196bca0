#!/usr/bin/env bash
# Loads /actuator/health, the Kolada data endpoint and a public indicator page together with 64
# connections (a Java load client on java.net.http, as wrk is not always installed), then prints
# p50, p99, errors and each p99 / health p99 (issue 19 asks for at most 3, with no errors).
# Starts nothing itself: run Samsyn first on PostgreSQL (profile postgres, SPRING_DATASOURCE_*),
# with the Kolada sample loaded (GET /api/v1/comparisons/kolada/sample-load shows when it is done).
#
#   bench/public-load.sh http://localhost:8080 [seconds, default 30] [indicator id, default S00001]
set -euo pipefail
BASE="${1:?usage: bench/public-load.sh BASE_URL [SECONDS] [INDICATOR]}"
SECONDS_="${2:-30}"
INDICATOR="${3:-S00001}"
cd "$(dirname "$0")/.."
status=$(curl -s -o /dev/null -w '%{http_code}' "${BASE%/}/actuator/health")
[ "$status" = 200 ] || { echo "GET ${BASE%/}/actuator/health gave $status" >&2; exit 1; }
./mvnw -B -ntp test -Dtest=PublicLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dload.url="$BASE" -Dload.seconds="$SECONDS_" -Dload.connections=64 -Dload.indicator="$INDICATOR" \
  -DsurefireArgLine=-Xmx512m > target/public-load.log 2>&1 || { tail -40 target/public-load.log >&2; exit 1; }
sed -n "/=== Under load/,/^target:/p" target/public-load.log
