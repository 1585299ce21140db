"""Webhooks per second through ``ramal-relay`` to the JetStream stream, and its memory.

Run: .venv/bin/python bench/relay_ingest.py [EVENTS] [IN_FLIGHT]  (default 100000, 64).
     .venv/bin/python bench/relay_ingest.py --baseline [EVENTS] [IN_FLIGHT]
     .venv/bin/python bench/relay_ingest.py --wrk [SECONDS] [CONNECTIONS]  (default 60, 64)

``--wrk`` posts with ``wrk`` (``apt-get install wrk``; C, so the client costs the two
CPUs far less than this Python one), a Lua script making every body distinct, for
SECONDS; the rate is what the stream holds over that time. ``RELAY_BENCH_RELAYFLAGS``
adds options to the relay (``--no-uvloop``, say).

``--baseline`` posts the same bodies to a bare aiohttp handler (read the body, answer
200) in its own process: the ceiling this machine and this client allow an HTTP receiver.

The relay runs as its own process with ``--embedded-nats`` (nats-server is a third
process), exactly as ``ramal-relay`` starts on a server. This process posts distinct
"Eventos em Tempo Real de Ramal" deliveries for 200 ramais (each also a board update in
the KV bucket) over keep-alive connections, ``IN_FLIGHT`` at a time. The rate counts
until the stream holds every event; the relay's RSS is sampled every 10,000 events.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
import nats

ROOT = Path(__file__).resolve().parents[1]
RAMAIS = 200


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def payload(n: int) -> bytes:
    ramal = 4000 + n % RAMAIS
    call = 1_000_000 + n // 3
    phase = n % 3
    return json.dumps(
        {
            "data_criacao": "2026-03-02T10:00:00",
            "id": str(call),
            "tipo": "ramal",
            "ramal": ramal,
            "status": ("chamando", "atendida", "atendida")[phase],
            "ativo": phase == 1,
            "duracao_segundos": 5 + 10 * phase + n // (3 * RAMAIS),
            "duracao_falada_segundos": 0 if phase == 0 else 4 + n // (3 * RAMAIS),
            "motivo_desconexao": "indefinido",
        }
    ).encode()


async def post_all(base: str, total: int, in_flight: int, pid: int) -> list[tuple[int, float]]:
    samples: list[tuple[int, float]] = [(0, rss_mib(pid))]
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    done = 0
    connector = aiohttp.TCPConnector(limit=in_flight)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def worker() -> None:
            nonlocal done
            while not queue.empty():
                n = queue.get_nowait()
                async with http.post(
                    base + "ramal_tempo_real",
                    data=payload(n),
                    headers={"Content-Type": "application/json"},
                ) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"HTTP {response.status}")
                done += 1
                if done % 10_000 == 0:
                    samples.append((done, rss_mib(pid)))

        await asyncio.gather(*(worker() for _ in range(in_flight)))
    return samples


async def main(total: int, in_flight: int, wrk_seconds: int = 0) -> None:
    store = Path(tempfile.mkdtemp(prefix="relay-bench-"))
    env = {**os.environ, "RAMAL_DESKTOP_TOKEN": "bench-token", "RAMAL_RELAY_ACCOUNT": "bench"}
    python = [sys.executable, *os.environ.get("RELAY_BENCH_PYFLAGS", "").split()]
    relay = subprocess.Popen(
        [
            *python,
            *("-m", "desktop.relay", "--api-url", "http://127.0.0.1:9", "--poll-budget", "0"),
            *("--listen", "127.0.0.1:0", "--embedded-nats", str(store / "nats")),
            *os.environ.get("RELAY_BENCH_RELAYFLAGS", "").split(),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=open(store / "relay.log", "w"),  # noqa: SIM115 — the relay's own log
        text=True,
    )
    print(f"relay log: {store / 'relay.log'}")
    assert relay.stdout is not None
    base = relay.stdout.readline().split(" ", 1)[1].strip()
    nats_url = relay.stdout.readline().split(" ", 1)[1].strip()
    try:
        nc = await nats.connect(nats_url)
        js = nc.jetstream()
        (nats_pid,) = children(relay.pid)
        started = time.perf_counter()
        cpu_before = os.times()
        relay_cpu = cpu_seconds(relay.pid)
        nats_cpu = cpu_seconds(nats_pid)
        if wrk_seconds:
            samples, total = await wrk_all(base, wrk_seconds, in_flight, relay.pid, js)
        else:
            samples = await post_all(base, total, in_flight, relay.pid)
        while (await js.stream_info("RAMAL_bench")).state.messages < total:
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - started
        client_cpu = sum(os.times()[:2]) - sum(cpu_before[:2])
        relay_cpu = cpu_seconds(relay.pid) - relay_cpu
        nats_cpu = cpu_seconds(nats_pid) - nats_cpu
        load = os.getloadavg()[0]
        info = await js.stream_info("RAMAL_bench")
        kv = await js.key_value("ramal_board_bench")
        keys = (await kv.status()).values  # history 1: one value per key
        await nc.close()
        print(f"events {total}, in flight {in_flight}: {elapsed:.1f} s, {total / elapsed:,.0f}/s")
        print(f"stream messages {info.state.messages}, board keys {keys}")
        print(f"CPU s: relay {relay_cpu:.1f}, nats-server {nats_cpu:.1f}, client {client_cpu:.1f}")
        print(f"relay CPU per event {relay_cpu / total * 1e6:.0f} µs; load average {load:.1f}")
        print("relay RSS MiB by events posted:")
        for n, mib in samples:
            print(f"  {n:>7,}  {mib:6.1f}")
    finally:
        relay.send_signal(signal.SIGTERM)
        try:
            print(f"relay exit {relay.wait(60)} after SIGTERM", flush=True)
        except subprocess.TimeoutExpired:
            print("relay did not exit within 60 s of SIGTERM: killed", flush=True)
            for pid in children(relay.pid):
                os.kill(pid, signal.SIGKILL)
            relay.kill()


WRK_SCRIPT = """
local counter = 0
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
request = function()
  counter = counter + 1
  local n = (tonumber(tid) or 0) * 100000000 + counter
  local phase = n % 3
  local status = phase == 0 and "chamando" or "atendida"
  local body = string.format(
    '{"data_criacao":"2026-03-02T10:00:00","id":"%d","tipo":"ramal","ramal":%d,'
    .. '"status":"%s","ativo":%s,"duracao_segundos":%d,"duracao_falada_segundos":%d,'
    .. '"motivo_desconexao":"indefinido"}',
    1000000 + math.floor(n / 3), 4000 + n % 200, status, phase == 1 and "true" or "false",
    5 + 10 * phase + math.floor(n / 600), phase == 0 and 0 or 4 + math.floor(n / 600))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
"""


async def wrk_all(
    base: str, seconds: int, connections: int, pid: int, js: Any
) -> tuple[list[tuple[int, float]], int]:
    """Post with wrk for ``seconds``; RSS by events stored, and the events wrk had answered."""
    script = Path(tempfile.mkdtemp(prefix="relay-wrk-")) / "post.lua"
    script.write_text(WRK_SCRIPT)
    process = await asyncio.create_subprocess_exec(
        *("wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script)),
        base + "ramal_tempo_real",
        stdout=asyncio.subprocess.PIPE,
    )
    samples: list[tuple[int, float]] = [(0, rss_mib(pid))]
    step = 10_000
    while process.returncode is None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), 1.0)
        stored = (await js.stream_info("RAMAL_bench")).state.messages
        if stored >= samples[-1][0] + step:
            samples.append((stored // step * step, rss_mib(pid)))
    assert process.stdout is not None
    report = (await process.stdout.read()).decode()
    print(report.strip())
    done = int(report.split(" requests in ")[0].split()[-1])
    if "Non-2xx" in report:
        raise RuntimeError("wrk: respostas fora de 2xx")
    return samples, done


BARE_SERVER = """
import sys
from aiohttp import web

async def hook(request):
    await request.read()
    return web.json_response({"ok": True})

app = web.Application()
app.router.add_post("/hooks/{secret}/{name}", hook)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


async def baseline(total: int, in_flight: int) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", BARE_SERVER, str(port)])
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                await asyncio.sleep(0.05)
        started = time.perf_counter()
        cpu = cpu_seconds(server.pid)
        await post_all(f"http://127.0.0.1:{port}/hooks/s/", total, in_flight, server.pid)
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(server.pid) - cpu
    finally:
        server.terminate()
        server.wait(30)
    print(f"bare aiohttp, events {total}, in flight {in_flight}: {total / elapsed:,.0f}/s")
    print(f"server CPU per request {cpu / total * 1e6:.0f} µs; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[:1] == ["--wrk"]:
        seconds, connections = ([int(a) for a in argv[1:3]] + [60, 64][len(argv[1:3]) :])[:2]
        asyncio.run(main(0, connections, seconds))
        sys.exit(0)
    run = baseline if argv[:1] == ["--baseline"] else main
    args = [int(a) for a in argv[1 if run is baseline else 0 :][:2]]
    asyncio.run(run(*(args + [100_000, 64][len(args) :])))
