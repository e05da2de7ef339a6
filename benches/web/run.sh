#!/usr/bin/env bash
# Web benchmark: the agency dashboard of a logged-in user under load, on SQLite and (when possible) PostgreSQL.
#
#   benches/web/run.sh                 release build, oha, SQLite then PostgreSQL
#   BENCH_DURATION=30 BENCH_WARMUP=10 BENCH_CONNECTIONS=48 benches/web/run.sh
#   BENCH_BACKENDS=sqlite benches/web/run.sh          (or "postgres", or "sqlite postgres")
#   PRONGSAI_BIN=path benches/web/run.sh              use this binary instead of building
#   BENCH_PG_URL=postgres://postgres@127.0.0.1/prongsai_bench   the PostgreSQL database (dropped and re-created)
#
# Loopback only and bounded: each backend gets one warm-up (discarded) and one measured run of fixed length.
# Prints requests/s, p50/p99 latency and errors per run, the server's RSS at rest and after the load, and
# whether the targets are met (dashboard >= 1000 req/s with p99 < 50 ms on SQLite; RSS < 100 MB at rest).
# Raw outputs go to benches/out/web/ (ignored by git). See benches/web/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-48}
BACKENDS=${BENCH_BACKENDS:-sqlite postgres}
PG_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1/prongsai_bench}
USER_EMAIL=${BENCH_USER:-editor2@demo.prongsai.th}
PASSWORD=prongsai-demo
AGENCY=${BENCH_AGENCY:-2}
YEAR=${BENCH_YEAR:-2568}
TOOLS=$HOME/.cache/prongsai-tools
OUT=$root/benches/out/web
mkdir -p "$OUT"

say() { printf '%s\n' "$*"; }
die() { say "bench-web: $*" >&2; exit 1; }

# ---------- the server binary (release) ----------
if [[ -n "${PRONGSAI_BIN:-}" ]]; then
  bin=$PRONGSAI_BIN
else
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/prongsai-target}
  say "== cargo build --release -p prongsai_cli"
  cargo build --release -p prongsai_cli || die "the release build failed"
  bin=$CARGO_TARGET_DIR/release/prongsai
fi
[[ -x "$bin" ]] || die "no executable at $bin"

# ---------- the load generator: oha, else wrk ----------
tool=""
if [[ -x "$TOOLS/bin/oha" ]]; then
  tool=oha
elif command -v oha >/dev/null; then
  TOOLS_OHA=$(command -v oha); tool=oha
fi
if [[ -z "$tool" ]]; then
  say "== installing oha into $TOOLS (cargo install --locked)"
  if CARGO_TARGET_DIR=$TOOLS/target cargo install oha --locked --root "$TOOLS"; then
    tool=oha
  elif command -v wrk >/dev/null || { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; }; then
    tool=wrk
  else
    die "neither oha (cargo install) nor wrk (apt) could be installed"
  fi
fi
oha_bin=${TOOLS_OHA:-$TOOLS/bin/oha}
if [[ $tool == oha ]]; then
  if "$oha_bin" --help 2>&1 | grep -q -- '--output-format'; then oha_json=(--output-format json); else oha_json=(-j); fi
  # Let requests in flight at the deadline finish instead of counting them as errors.
  if "$oha_bin" --help 2>&1 | grep -q -- '--wait-ongoing-requests-after-deadline'; then oha_json+=(-w); fi
  say "load generator: $("$oha_bin" --version 2>&1 | head -1)"
else
  say "load generator: wrk ($(wrk -v 2>&1 | head -1))"
fi

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-bench-web.XXXXXX")
trap 'stop_server; rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM

rss_mb() { # resident set size of the server now, in MB
  awk '{printf "%.1f", $1 / 1024}' <<<"$(ps -o rss= -p "$server_pid")"
}
peak_mb() { # peak resident set size (VmHWM), in MB
  awk '/^VmHWM:/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status"
}

# Logs in like a browser: GET /login for the session cookie and the hidden csrf field, POST the form.
# Prints the session cookie value.
login() {
  local base=$1 jar=${2:-$scratch/cookies.txt} csrf code
  rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [[ -n "$csrf" ]] || die "no csrf field on $base/login"
  code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$base/login" \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=$USER_EMAIL" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "next=/")
  [[ $code == 303 ]] || die "login as $USER_EMAIL: HTTP $code (expected 303)"
  awk '$6 == "prongsai_session" {v = $7} END {print v}' "$jar"
}

# One load run; prints a summary line "rps p50_ms p99_ms errors total" and keeps the raw output.
load() {
  local label=$1 seconds=$2 url=$3 cookie=$4 raw=$OUT/$5
  if [[ $tool == oha ]]; then
    "$oha_bin" -z "${seconds}s" -c "$CONNECTIONS" --no-tui "${oha_json[@]}" \
      -H "Cookie: prongsai_session=$cookie" "$url" >"$raw" 2>"$raw.err" || true
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const s = r.summary, p = r.latencyPercentiles || {};
      const codes = r.statusCodeDistribution || {};
      const total = Object.values(codes).reduce((a, b) => a + b, 0);
      const bad = Object.entries(codes).filter(([c]) => c !== "200").reduce((a, [, n]) => a + n, 0);
      // Connections cut by the end of the run are not server errors.
      const errs = Object.entries(r.errorDistribution || {})
        .filter(([e]) => !/aborted due to deadline/.test(e))
        .reduce((a, [, n]) => a + n, 0);
      const ms = (x) => (x == null ? NaN : x * 1000).toFixed(2);
      console.log([s.requestsPerSec.toFixed(0), ms(p.p50), ms(p.p99), bad + errs, total + errs].join(" "));
    ' "$raw" || die "$label: cannot read oha output $raw ($(head -c 300 "$raw.err"))"
  else
    wrk -t2 -c "$CONNECTIONS" -d "${seconds}s" --latency -H "Cookie: prongsai_session=$cookie" "$url" >"$raw" 2>&1 || true
    node -e '
      const t = require("fs").readFileSync(process.argv[1], "utf8");
      const num = (re) => { const m = t.match(re); return m ? m[1] : null; };
      const toMs = (v) => { const m = v && v.match(/([\d.]+)(us|ms|s)/); if (!m) return NaN;
        return (+m[1] * { us: 0.001, ms: 1, s: 1000 }[m[2]]).toFixed(2); };
      const total = +num(/(\d+) requests in/) || 0;
      const non2xx = +num(/Non-2xx or 3xx responses: (\d+)/) || 0;
      const sock = (t.match(/Socket errors: (.*)/) || ["", ""])[1].match(/\d+/g) || [];
      const errs = non2xx + sock.reduce((a, b) => a + +b, 0);
      console.log([(+num(/Requests\/sec:\s+([\d.]+)/)).toFixed(0), toMs(num(/50%\s+(\S+)/)), toMs(num(/99%\s+(\S+)/)), errs, total].join(" "));
    ' "$raw"
  fi
}

results=()
bench_backend() {
  local backend=$1; shift
  local port base data cookie rest_mb after_mb peak body
  port=$(free_port)
  base="http://127.0.0.1:$port"
  data=$scratch/$backend
  say ""
  say "== $backend: prongsai demo on $base $*"
  "$bin" demo --addr "127.0.0.1:$port" --data-dir "$data" "$@" >"$OUT/server-$backend.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 900); do
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$OUT/server-$backend.log" >&2; die "$backend: the server exited"; }
    curl -fsS --max-time 2 "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "$base/healthz" >/dev/null || die "$backend: no answer on /healthz"
  sleep 3 # let start-up work settle before measuring memory at rest
  rest_mb=$(rss_mb)
  say "RSS at rest (demo loaded): ${rest_mb} MB"

  cookie=$(login "$base")
  local url="$base/agencies/$AGENCY?year=$YEAR"
  body=$(curl -fsS -H "Cookie: prongsai_session=$cookie" "$url") || die "$backend: GET $url with the session failed"
  grep -q 'data-total' <<<"$body" || die "$backend: $url shows no total (not logged in, or no $YEAR scores?)"
  say "dashboard: $url ($(wc -c <<<"$body") bytes, total $(sed -n 's/.*data-total>\([^<]*\)<.*/\1/p' <<<"$body" | head -1))"

  say "warm-up ${WARMUP}s, ${CONNECTIONS} connections (discarded)"
  load "$backend warm-up" "$WARMUP" "$url" "$cookie" "$backend-warmup.json" >/dev/null
  say "measured ${DURATION}s, ${CONNECTIONS} connections"
  read -r rps p50 p99 errors total <<<"$(load "$backend dashboard" "$DURATION" "$url" "$cookie" "$backend-dashboard.json")"
  [[ -n "${rps:-}" && -n "${total:-}" ]] || die "$backend: the measured run produced no numbers (see $OUT/$backend-dashboard.json*)"
  after_mb=$(rss_mb)
  peak=$(peak_mb)
  say "  dashboard: ${rps} req/s  p50 ${p50} ms  p99 ${p99} ms  errors ${errors}/${total}"
  # Baseline: the cheapest route, to tell the framework's cost from the handler's.
  read -r hrps hp50 hp99 herr htotal <<<"$(load "$backend healthz" 10 "$base/healthz" "$cookie" "$backend-healthz.json")"
  say "  /healthz (10 s baseline): ${hrps} req/s  p50 ${hp50} ms  p99 ${hp99} ms  errors ${herr}/${htotal}"
  say "RSS after the load: ${after_mb} MB (peak ${peak} MB)"
  # What a working day leaves behind: a burst of logins (argon2id, 19 MiB each) and the documents
  # rendered (typst), then a few quiet seconds: the memory the server holds at rest afterwards.
  local i pids=()
  for i in $(seq 8); do login "$base" "$scratch/$backend-burst-$i.txt" >/dev/null & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i" || true; done
  for kind in analysis measures implementation; do
    curl -fsS -o /dev/null -H "Cookie: prongsai_session=$cookie" \
      "$base/agencies/$AGENCY/years/$YEAR/documents/$kind/pdf" || die "$backend: the $kind PDF download failed"
  done
  sleep 5
  settled_mb=$(rss_mb)
  say "RSS at rest after 8 concurrent logins and 3 PDF documents: ${settled_mb} MB (peak $(peak_mb) MB)"
  results+=("$backend|$rps|$p50|$p99|$errors|$total|$rest_mb|$after_mb|$peak|$hrps|$settled_mb")
  stop_server
}

# Memory of a plain `prongsai serve` on the database the demo left behind (SQLite): tells the memory the
# demo's loading leaves in the process (password hashing, the importer) from what the server itself needs.
serve_rss() {
  local db_file=$1 port base cookie rest login_mb after
  port=$(free_port)
  base="http://127.0.0.1:$port"
  say ""
  say "== sqlite, plain 'prongsai serve' on the demo database (memory without the demo loading)"
  "$bin" serve --database-url "sqlite://$db_file" --addr "127.0.0.1:$port" >"$OUT/server-serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$OUT/server-serve.log" >&2; die "serve: the server exited"; }
    curl -fsS --max-time 2 "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep 3
  rest=$(rss_mb)
  cookie=$(login "$base")
  login_mb=$(rss_mb)
  read -r rps p50 p99 errors total <<<"$(load "serve dashboard" 10 "$base/agencies/$AGENCY?year=$YEAR" "$cookie" "serve-dashboard.json")"
  after=$(rss_mb)
  say "RSS at rest ${rest} MB; after one login ${login_mb} MB; after 10 s of dashboard load ${after} MB (peak $(peak_mb) MB)"
  # Each login runs argon2id (19 MiB of working memory); see how much stays resident after a burst.
  local i pids=()
  for i in $(seq 8); do login "$base" "$scratch/burst-$i.txt" >/dev/null & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i" || true; done
  sleep 1
  serve_burst=$(rss_mb)
  say "RSS after 8 concurrent logins: ${serve_burst} MB"
  say "  dashboard (10 s): ${rps} req/s  p50 ${p50} ms  p99 ${p99} ms  errors ${errors}/${total}"
  serve_rest=$rest
  serve_login=$login_mb
  stop_server
}
serve_rest=""
serve_login=""
serve_burst=""

for backend in $BACKENDS; do
  case $backend in
    sqlite)
      bench_backend sqlite
      serve_rss "$scratch/sqlite/prongsai-demo.db"
      ;;
    postgres)
      if ! "$bin" demo --help 2>&1 | grep -q -- '--database-url'; then
        say ""
        say "== postgres: SKIPPED — this prongsai demo has no --database-url option (demo loading targets SQLite only)"
        results+=("postgres|n/a|n/a|n/a|n/a|n/a|n/a|n/a|n/a|n/a|n/a")
        continue
      fi
      pg_host=127.0.0.1
      if ! pg_isready -q -h "$pg_host"; then
        say "starting PostgreSQL"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || die "cannot start PostgreSQL"
        for _ in $(seq 50); do pg_isready -q -h "$pg_host" && break; sleep 0.2; done
      fi
      db=${PG_URL##*/}
      psql -q -h "$pg_host" -U postgres -c "drop database if exists $db" >/dev/null
      psql -q -h "$pg_host" -U postgres -c "create database $db" >/dev/null || die "cannot create database $db"
      bench_backend postgres --database-url "$PG_URL"
      ;;
    *) die "unknown backend $backend (sqlite or postgres)" ;;
  esac
done

say ""
say "== summary (${DURATION} s measured after ${WARMUP} s warm-up, ${CONNECTIONS} connections, $tool, $(nproc) cores, loopback)"
printf '%-9s %9s %9s %9s %12s %10s %10s %9s %11s %12s\n' backend 'req/s' 'p50 ms' 'p99 ms' errors 'RSS rest' 'RSS after' 'RSS peak' 'healthz/s' 'RSS settled'
status=0
for r in "${results[@]}"; do
  IFS='|' read -r b rps p50 p99 errors total rest after peak hrps settled <<<"$r"
  printf '%-9s %9s %9s %9s %12s %10s %10s %9s %11s %12s\n' "$b" "$rps" "$p50" "$p99" "$errors/$total" "$rest MB" "$after MB" "$peak MB" "$hrps" "$settled MB"
done
check_target() { # name, 1/0, shown value
  if [[ $2 == 1 ]]; then say "target $1: met ($3)"; else say "target $1: MISSED ($3)"; status=1; fi
}
for r in "${results[@]}"; do
  IFS='|' read -r b rps p50 p99 errors total rest after peak hrps settled <<<"$r"
  [[ $b == sqlite ]] || continue
  check_target "dashboard >= 1000 req/s (SQLite)" "$(awk -v x="$rps" 'BEGIN{print (x >= 1000)}')" "$rps req/s"
  check_target "dashboard p99 < 50 ms (SQLite)" "$(awk -v x="$p99" 'BEGIN{print (x < 50)}')" "$p99 ms"
  check_target "RSS < 100 MB at rest (SQLite, demo)" "$(awk -v x="$rest" 'BEGIN{print (x < 100)}')" "$rest MB"
  check_target "RSS < 100 MB at rest after logins and PDFs (SQLite, demo)" "$(awk -v x="$settled" 'BEGIN{print (x < 100)}')" "$settled MB"
  if [[ -n "$serve_rest" ]]; then
    check_target "RSS < 100 MB at rest (SQLite, plain serve after a login)" "$(awk -v x="$serve_login" 'BEGIN{print (x < 100)}')" "$serve_rest MB fresh, $serve_login MB after a login"
    check_target "RSS < 100 MB after 8 concurrent logins (SQLite, plain serve)" "$(awk -v x="$serve_burst" 'BEGIN{print (x < 100)}')" "$serve_burst MB"
  fi
  check_target "no errors under load (SQLite)" "$([[ $errors == 0 ]] && echo 1 || echo 0)" "$errors errors"
done
{
  date -u +%FT%TZ
  for r in "${results[@]}"; do echo "$r"; done
} >"$OUT/summary.txt"
say "raw outputs: $OUT"
exit "$status"
