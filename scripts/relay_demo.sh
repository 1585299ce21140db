#!/bin/sh
# The relay demo on one machine: sandbox (with its traffic), ramal-relay with an embedded
# nats-server and its webhooks registered, then the console following the relay.
# Arguments go to ramal-desktop: none opens the window; "board --jsonl" prints the board.
set -eu
venv_python="$(dirname "$0")/../.venv/bin/python"
[ -x "$venv_python" ] || venv_python=python
py=${PYTHON:-$venv_python}  # the checkout's virtualenv (scripts/run-sandbox.sh makes it)
port=${RAMAL_DEMO_PORT:-8780}
url="http://127.0.0.1:$port"
dir=$(mktemp -d)
export RAMAL_DESKTOP_TOKEN=demo-token RAMAL_RELAY_ACCOUNT=demo
"$py" -m desktop.sandbox --port "$port" --token "$RAMAL_DESKTOP_TOKEN" >"$dir/sandbox.log" 2>&1 &
pids=$!
trap 'kill $pids 2>/dev/null || true; wait; rm -rf "$dir"' EXIT INT TERM
"$py" - "$url" <<'PY'
import json, sys, time, urllib.request
for _ in range(200):
    try:
        urllib.request.urlopen(sys.argv[1] + "/_sandbox/health", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
body = json.dumps({"running": True}).encode()
request = urllib.request.Request(sys.argv[1] + "/_sandbox/traffic", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=5)
PY
"$py" -m desktop.relay --api-url "$url" --listen 127.0.0.1:0 --embedded-nats "$dir/nats" \
    --register-webhooks >"$dir/relay.log" 2>&1 &
pids="$pids $!"
until grep -q '^nats: ' "$dir/relay.log"; do sleep 0.2; done
RAMAL_DESKTOP_RELAY=$(sed -n 's/^nats: //p' "$dir/relay.log" | head -n 1)
RAMAL_DESKTOP_RELAY_ACCOUNT=demo
export RAMAL_DESKTOP_RELAY RAMAL_DESKTOP_RELAY_ACCOUNT
echo "sandbox: $url  relay: $RAMAL_DESKTOP_RELAY (conta demo)" >&2
"$py" -m desktop "$@" --api-url "$url"
