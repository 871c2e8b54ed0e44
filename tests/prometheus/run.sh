#!/usr/bin/env bash
# Issue #27: `electionlint init --prometheus` against a real Prometheus (Debian's package `prometheus`) that scrapes
# recorded etcd and JVM (Micrometer) metrics from a static exporter. Both listen on 127.0.0.1 only. The exporter
# serves tests/metrics/etcd-0.prom and app-micrometer.prom, then the same processes 15 minutes later
# (*-later.prom), so that rate() has something to count. Checks:
#   - init --prometheus writes rttP50/rttP99 equal (to the microsecond, rounded up) to Prometheus' own
#     histogram_quantile(q, sum by (le) (rate(etcd_network_peer_round_trip_time_seconds_bucket[5m]))), and its
#     bucket arithmetic gives the same quantiles;
#   - init --from-metrics on the saved scrape gives exactly Prometheus' histogram_quantile over the same buckets.
# Skipped, with a message, only where the prometheus binary cannot be installed. Every wait is bounded; everything
# started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA="$ROOT/tests/metrics"

if ! command -v prometheus >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "tests/prometheus: installing Debian's prometheus package"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) >/dev/null 2>&1 || true
fi
if ! command -v prometheus >/dev/null 2>&1; then
  echo "tests/prometheus: SKIPPED: the prometheus binary is not installed and cannot be installed here (apt-get install prometheus)"
  exit 0
fi

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

dotnet build "$ROOT/cli/ElectionLint.Cli" -c Release --nologo -v q >/dev/null
CLI=(dotnet "$ROOT/cli/ElectionLint.Cli/bin/Release/net10.0/electionlint.dll")

# The exporter: a static HTTP server on 127.0.0.1 serving the recorded scrapes as the text exposition format.
mkdir -p "$WORK/export" "$WORK/data"
cp "$DATA/etcd-0.prom" "$WORK/export/etcd.prom"
cp "$DATA/app-micrometer.prom" "$WORK/export/app.prom"
EXPORT_PORT=$(free_port)
python3 - "$WORK/export" "$EXPORT_PORT" >"$WORK/exporter.log" 2>&1 <<'PY' &
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".prom": "text/plain; version=0.0.4; charset=utf-8"}
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), functools.partial(Handler, directory=sys.argv[1])).serve_forever()
PY
PIDS+=($!)

PROM_PORT=$(free_port)
cat >"$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: etcd
    metrics_path: /etcd.prom
    static_configs: [{ targets: ["127.0.0.1:$EXPORT_PORT"], labels: { cluster: "test" } }]
  - job_name: app
    metrics_path: /app.prom
    static_configs: [{ targets: ["127.0.0.1:$EXPORT_PORT"], labels: { cluster: "test" } }]
YML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
PROM="http://127.0.0.1:$PROM_PORT"

# One instant query's first value ("" when the result is empty), now or at the time $2.
query() {
  curl -sf --max-time 5 --get "$PROM/api/v1/query" --data-urlencode "query=$1" ${2:+--data-urlencode "time=$2"} |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")'
}

# Wait (at most 60 s) until a query's value is at least a number.
wait_for() {
  for _ in $(seq 1 120); do
    v=$(query "$1" 2>/dev/null || true)
    if [ -n "$v" ] && python3 -c "import sys; sys.exit(0 if float('$v') >= $2 else 1)"; then return 0; fi
    sleep 0.5
  done
  echo "tests/prometheus: FAILED: timed out waiting for $1 >= $2"; tail -5 "$WORK/prometheus.log"; exit 1
}

wait_for 'sum(up{cluster="test"})' 2
wait_for 'min(count_over_time(up{cluster="test"}[5m]))' 2
cp "$DATA/etcd-0-later.prom" "$WORK/export/etcd.prom.tmp" && mv "$WORK/export/etcd.prom.tmp" "$WORK/export/etcd.prom"
cp "$DATA/app-micrometer-later.prom" "$WORK/export/app.prom.tmp" && mv "$WORK/export/app.prom.tmp" "$WORK/export/app.prom"
LATER=$(grep -o 'etcd_network_peer_round_trip_time_seconds_count{To="8e9e05c52164694d"} [0-9]*' "$DATA/etcd-0-later.prom" | awk '{print $2}')
wait_for 'etcd_network_peer_round_trip_time_seconds_count{To="8e9e05c52164694d"}' "$LATER"
wait_for 'count_over_time(etcd_network_peer_round_trip_time_seconds_count{To="8e9e05c52164694d"}[5m])' 4

# init --prometheus, at one evaluation time; then Prometheus' own answers.
mkdir -p "$WORK/server/.git" "$WORK/file/.git"
(cd "$WORK/server" && "${CLI[@]}" init --prometheus "$PROM" --since 5m --match 'cluster="test"')
cp "$DATA/etcd-0-later.prom" "$WORK/file/"
(cd "$WORK/file" && "${CLI[@]}" init --from-metrics etcd-0-later.prom)
echo "--- written by init --prometheus:"; sed -n '/^profile:/,/maxFailover/p' "$WORK/server/.electionlint.yaml"
# The evaluation time init --prometheus used (a whole second, in its comments), to ask the same queries at.
AT=$(grep -o 'to [0-9-]* [0-9:]* UTC' "$WORK/server/.electionlint.yaml" | head -1 | cut -c4-)
AT=$(date -u -d "$AT" +%s)
RATE_SEL='sum by (le) (rate(etcd_network_peer_round_trip_time_seconds_bucket{cluster="test"}[5m]))'
RAW_SEL='sum by (le) (etcd_network_peer_round_trip_time_seconds_bucket{cluster="test"})'
SERVER=()
RAW=()
for q in 0.5 0.99 0.999; do
  SERVER+=("$(query "histogram_quantile($q, $RATE_SEL)" "$AT")")
  RAW+=("$(query "histogram_quantile($q, $RAW_SEL)")")
done

python3 - "$WORK/server/.electionlint.yaml" "$WORK/file/.electionlint.yaml" "${SERVER[@]}" "${RAW[@]}" <<'PY'
import math, re, sys
server_profile, file_profile = open(sys.argv[1]).read(), open(sys.argv[2]).read()
server, raw = [float(x) for x in sys.argv[3:6]], [float(x) for x in sys.argv[6:9]]
keys = ["rttP50", "rttP99", "rttP999"]
failed = 0
def micros(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return round(float(m.group(1)) * {"us": 1, "ms": 1e3, "s": 1e6}[m.group(2)])
def check(ok, what):
    global failed
    print(("  ok    " if ok else "  FAIL  ") + what)
    failed += 0 if ok else 1
print("histogram_quantile agreement (seconds):")
for key, q, want, want_raw in zip(keys, ["0.5", "0.99", "0.999"], server, raw):
    # --prometheus: the value written is Prometheus' histogram_quantile over rate(), rounded up to the microsecond.
    comment = re.search(rf"# {key}: measured from .*histogram_quantile\({q}\) over \d+ peers? summed = ([0-9.e-]+) s;.*Prometheus' own histogram_quantile = ([0-9.e-]+) s", server_profile)
    line = re.search(rf"\n  {key}: (\S+)\n", server_profile)
    few = re.search(rf"# {key}: not written: .*: (\d+) round trips .*; a p[0-9.]+ needs at least (\d+)", server_profile)
    if few is not None and int(few.group(1)) < int(few.group(2)):
        check(line is None, f"{key} --prometheus: left out, as the window holds {few.group(1)} round trips (fewer than {few.group(2)})")
    elif comment is None or line is None:
        check(False, f"{key} --prometheus: not written")
    else:
        ours, theirs = float(comment.group(1)), float(comment.group(2))
        check(theirs == want, f"{key} --prometheus: Prometheus {want!r}, as written in the comment {theirs!r}")
        check(math.isclose(ours, want, rel_tol=1e-9), f"{key} --prometheus: electionlint's buckets {ours!r} vs Prometheus {want!r} (rel. diff {abs(ours - want) / want:.1e})")
        check(micros(line.group(1)) == math.ceil(round(want * 1e6, 6)), f"{key} --prometheus: {key}: {line.group(1)} is {want!r} rounded up to the microsecond")
    # --from-metrics on the saved scrape that Prometheus holds: the same buckets, so the same number.
    comment = re.search(rf"# {key}: measured from .*histogram_quantile\({q}\) over 2 peers summed = ([0-9.e-]+) s", file_profile)
    if comment is None:
        check(False, f"{key} --from-metrics: not written")
    else:
        ours = float(comment.group(1))
        check(ours == want_raw, f"{key} --from-metrics: electionlint {ours!r} vs Prometheus {want_raw!r} on the same buckets")
for key in ["gcPauseP50", "gcPausesPerHour"]:
    check(re.search(rf"\n  # {key}: measured from http://127\.0\.0\.1:\d+: .*\n(  #.*\n)*  {key}: \S+\n", server_profile) is not None, f"{key} --prometheus: written with its provenance")
# The window holds 45 JVM pauses and 8 Go pauses: too few for a p99, which is then left out with the reason.
check(re.search(r"\n  # gcPauseP99: not written: .*needs at least 100", server_profile) is not None and "\n  gcPauseP99:" not in server_profile, "gcPauseP99 --prometheus: left out, too few pauses in the window")
print(f"tests/prometheus: {'FAILED' if failed else 'ok'}: {failed} check(s) failed")
sys.exit(1 if failed else 0)
PY
