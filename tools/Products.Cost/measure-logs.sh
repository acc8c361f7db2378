#!/usr/bin/env bash
# Measures the bytes each function writes to its log (what CloudWatch Logs ingests from it) per warm invocation and the
# extra bytes of a cold start, at each log level, from the functions' real output under the local API
# (tools/Products.Local, packaged build, in-memory dynalite). Prints the JSON for measured.json's "logs" tables.
#   tools/Products.Cost/measure-logs.sh [warm requests per function, default 100]
# A log line counts as one CloudWatch log event: its bytes without the local "[function] " prefix and the newline.
set -euo pipefail
cd "$(dirname "$0")/../.."
warm=${1:-100}
port=${PORT:-3917}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build tools/Products.Local -c Release -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }

bytes_of() { # bytes logged so far by function $1 (products-dev-list|create|get)
  LC_ALL=C awk -v p="[$1] " 'index($0, p) == 1 { n += length($0) - length(p) } END { print n + 0 }' "$log"
}

for level in DEBUG INFO WARN; do
  log="$work/$level.log"
  dotnet tools/Products.Local/bin/Release/net10.0/Products.Local.dll --port "$port" --in-memory \
    --parameter-overrides "LogLevel=$level" > "$log" 2>&1 &
  api=$!
  until grep -q "Ctrl+C stops" "$log"; do
    kill -0 "$api" 2> /dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
  url="http://127.0.0.1:$port/products"
  create() { curl -sf -o "$work/created.json" -X POST "$url" -H 'content-type: application/json' \
    -d "{\"name\":\"Load product $1\",\"price\":$((RANDOM % 10000)).$((RANDOM % 90 + 10)),\"description\":\"Created by virtual user $1.\",\"category\":\"load\"}"; }
  first_id=""
  measure() { # $1 function suffix, $2 request command
    local before after cold warm_total
    before=$(bytes_of "products-dev-$1"); eval "$2 0"; sleep 1; after=$(bytes_of "products-dev-$1")
    cold=$((after - before))
    for i in $(seq 1 "$warm"); do eval "$2 $i"; done
    sleep 1
    warm_total=$(( $(bytes_of "products-dev-$1") - after ))
    echo "$level $1 cold_bytes=$cold warm_bytes_per_invocation=$(echo "scale=1; $warm_total / $warm" | bc)"
  }
  measure create create
  id=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$work/created.json")
  measure get "curl -sf -o /dev/null $url/$id #"
  measure list "curl -sf -o /dev/null $url #"
  kill -TERM "$api"; wait "$api" || true
done
