#!/usr/bin/env bash
# The team deployment of compose.yaml as plain processes, for machines without Docker: a
# redis-server on loopback, two bot replicas in HTTP mode sharing REDIS_URL and CORPUS_DIR, and a
# round-robin proxy in front (scripts/round-robin-proxy.ts). Stops them all on exit (Ctrl-C, TERM).
# SIGHUP to this script is passed to both replicas: they reload the corpus.
#
#   scripts/run-replicas.sh               settings from .env and the environment (real Slack)
#   scripts/run-replicas.sh --fake-slack  against a local fake Slack (no tokens needed)
#   scripts/run-replicas.sh --smoke       start, check every part answers, stop (exit 0 if all did)
#
# Ports: REDIS_PORT (6390), PORT_A (3001), PORT_B (3002), PROXY_PORT (8080). Logs in LOG_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

fake_slack=0
smoke=0
for arg in "$@"; do
  case "$arg" in
    --fake-slack) fake_slack=1 ;;
    --smoke) smoke=1 fake_slack=1 ;;
    *) echo "run-replicas: unknown option $arg (--fake-slack, --smoke)" >&2; exit 2 ;;
  esac
done

REDIS_PORT=${REDIS_PORT:-6390}
PORT_A=${PORT_A:-3001}
PORT_B=${PORT_B:-3002}
PROXY_PORT=${PROXY_PORT:-8080}
LOG_DIR=${LOG_DIR:-$(mktemp -d -t replicas-XXXXXX)}
export CORPUS_DIR=${CORPUS_DIR:-corpus}
export REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"
export LOG_LEVEL=${LOG_LEVEL:-info}

pids=()
replicas=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "run-replicas: stopped (logs in $LOG_DIR)"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'for pid in "${replicas[@]}"; do kill -HUP "$pid" 2>/dev/null || true; done; echo "run-replicas: SIGHUP sent to the replicas"' HUP

wait_for() { # name url seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$2" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      echo "run-replicas: $1 did not answer at $2 within $3 s; see $LOG_DIR" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "run-replicas: $1 ready at $2"
}

if ! command -v redis-server >/dev/null && [ ! -x /usr/bin/redis-server ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y redis-server >"$LOG_DIR/apt.log" 2>&1
  else
    echo "run-replicas: redis-server is missing: apt-get install -y redis-server" >&2
    exit 1
  fi
fi
REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
  >"$LOG_DIR/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.25
done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "run-replicas: redis-server did not start; see $LOG_DIR/redis.log" >&2; exit 1; }
echo "run-replicas: redis at $REDIS_URL"

if [ "$fake_slack" = 1 ]; then
  node --import tsx test/bench/serve-fake-slack.ts >"$LOG_DIR/fake-slack.out" 2>"$LOG_DIR/fake-slack.log" &
  pids+=($!)
  for _ in $(seq 1 120); do [ -s "$LOG_DIR/fake-slack.out" ] && break; sleep 0.5; done
  fake_url=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0]).url)' "$LOG_DIR/fake-slack.out")
  export SLACK_API_URL="$fake_url/api/"
  export SLACK_BOT_TOKEN=xoxb-replicas-demo
  export SLACK_SIGNING_SECRET=replicas-demo-signing-secret
  unset SLACK_APP_TOKEN
  echo "run-replicas: fake Slack at $SLACK_API_URL"
fi

for port in "$PORT_A" "$PORT_B"; do
  PORT=$port node --import tsx src/main.ts >"$LOG_DIR/bot-$port.log" 2>&1 &
  pids+=($!)
  replicas+=($!)
done
PROXY_PORT=$PROXY_PORT UPSTREAMS="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
  node --import tsx scripts/round-robin-proxy.ts >"$LOG_DIR/proxy.log" 2>&1 &
pids+=($!)

wait_for "replica A" "http://127.0.0.1:$PORT_A/health" 180
wait_for "replica B" "http://127.0.0.1:$PORT_B/health" 180
wait_for "proxy" "http://127.0.0.1:$PROXY_PORT/health" 30

if [ "$smoke" = 1 ]; then
  for _ in 1 2 3 4; do curl -fsS "http://127.0.0.1:$PROXY_PORT/health"; echo; done
  echo "run-replicas: smoke check passed"
  exit 0
fi
echo "run-replicas: serving on http://127.0.0.1:$PROXY_PORT (Ctrl-C stops everything)"
while true; do
  wait -n "${pids[@]}" || true
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run-replicas: process $pid exited; stopping" >&2; exit 1; fi
  done
done
