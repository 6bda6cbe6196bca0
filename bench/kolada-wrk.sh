#!/usr/bin/env bash
# Measures the Kolada-compatible data endpoint under load with wrk (64 connections) and prints
# p50 and p99 per request shape. Starts nothing itself: run Samsyn first, with the Kolada sample
# loaded (it loads in the background after start-up; the Kolada page, or
# GET /api/v1/comparisons/kolada/sample-load, shows when it is done).
#
#   bench/kolada-wrk.sh http://localhost:8093 [duration, default 30s]
set -euo pipefail
BASE="${1:?usage: bench/kolada-wrk.sh BASE_URL [DURATION]}"
DURATION="${2:-30s}"
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }

GROUPS_ALL="G92786,G92787,G92788,G92789,G92790,G92791,G92792,G92793,G92794"
declare -a NAMES=(
  "one KPI, all areas, one year"
  "one municipality, all KPIs, three years"
  "two KPIs, nine kommungrupper (means), one year"
  "five KPIs, all areas, eight years, page 2 of 5000"
)
declare -a PATHS=(
  "/api/kolada/v2/data/kpi/N31807/year/2022"
  "/api/kolada/v2/data/municipality/1280/year/2020,2021,2022"
  "/api/kolada/v2/data/kpi/N31807,N33816/municipality/${GROUPS_ALL}/year/2022"
  "/api/kolada/v2/data/kpi/N31807,N33816,N21701,N23801,N28892/year/2015,2016,2017,2018,2019,2020,2021,2022?page=2"
)

for i in "${!PATHS[@]}"; do
  url="${BASE%/}${PATHS[$i]}"
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "GET $url gave $status" >&2; exit 1; }
  # warm up, then measure
  wrk -t2 -c64 -d5s "$url" >/dev/null
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$url")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-50s p50 %-9s p99 %-9s req/s %-9s non-2xx %s\n' "${NAMES[$i]}" "$p50" "$p99" "$rps" "${non2xx:-0}"
done
