"""Memory over an agent's shift: does the app grow while calls come and go for hours?

Runs Ramal Desktop in this process (every panel, webphone connected, the supervisor board
polling, the history reloaded now and then) against a standalone sandbox in a child
process, whose call-centre traffic is accelerated ``--speed`` times and rings the agent's
own webphone; the agent answers, talks and hangs up, and pauses now and then. A shift of
``--hours`` simulated hours takes ``hours * 3600 / speed`` seconds of wall time (8 h at 40×:
12 minutes), then the app quits by itself.

Sampled every ``--every`` seconds: the proportional set size (PSS) of this process and its
QtWebEngine children (``/proc/<pid>/smaps_rollup``; the sandbox is left out, it plays the
provider), split into anonymous and file-backed memory, and the Python heap (tracemalloc,
whose own bookkeeping is subtracted). File-backed pages are the libraries' code and data,
which the kernel drops and reads back as other programs need memory: they come and go by
tens of MiB and are not growth; anonymous memory is what the app allocated. The baseline
is the mean of the first three samples after ``--warmup`` simulated hours, the growth the
mean of the last three minus it. At the end, the source lines whose Python allocations grew
most since the baseline. Linux only.

The webphone's quality reports are accelerated too (``--stats-ms``, default 5 s / speed):
at 40× the header's 5-minute quality graph holds 2,400 samples instead of 60 and redrawing
it on every report keeps the UI thread busy, so the agent answers later and later and
callers (whose ring timeout is accelerated too) hang up first. ``--stats-ms 5000`` keeps
the provider's real pace for a run that measures how the phone follows the calls.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/shift_soak.py [--hours 8] [--speed 40]``
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's desktop package, not an installed one


def children(pid: int) -> list[int]:
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree(pid: int, skip: set[int]) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current in skip:
            continue
        pids.append(current)
        todo += children(current)
    return pids


def rollup_kib(pid: int) -> dict[str, int]:
    """``Pss``, ``Pss_Anon``, ``Pss_File``, ``Pss_Shmem`` of one process, in KiB."""
    found: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key.startswith("Pss"):
                found[key] = int(rest.split()[0])
    except OSError:
        pass
    return found


def process_kind(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    for arg in argv:
        if arg.startswith(b"--type="):
            return arg[7:].decode()
    return "app" if pid == os.getpid() else Path(argv[0].decode()).name


def by_kind(pids: list[int]) -> tuple[dict[str, float], dict[str, float]]:
    """PSS in MiB per kind of process (renderers forked by the zygote keep its name), and
    the whole tree's PSS split into anonymous, file-backed and shared memory."""
    kinds: dict[str, float] = {}
    split = {"anon": 0.0, "file": 0.0, "shmem": 0.0}
    for pid in pids:
        rollup = rollup_kib(pid)
        kind = process_kind(pid)
        kinds[kind] = kinds.get(kind, 0.0) + rollup.get("Pss", 0) / 1024
        for name in split:
            split[name] += rollup.get(f"Pss_{name.capitalize()}", 0) / 1024
        anon = f"{kind} anon"
        kinds[anon] = kinds.get(anon, 0.0) + rollup.get("Pss_Anon", 0) / 1024
    return kinds, split


@dataclass
class Sample:
    wall_s: float
    shift_h: float
    calls: int
    agent_calls: int
    pss_mib: float
    pss_by_kind: dict[str, float]
    pss_split: dict[str, float]
    heap_mib: float
    tracemalloc_mib: float
    gc_objects: int

    @property
    def pss_net_mib(self) -> float:
        return self.pss_mib - self.tracemalloc_mib

    @property
    def anon_net_mib(self) -> float:
        return self.pss_split["anon"] - self.tracemalloc_mib


@dataclass
class Agent:
    """Answers what rings on the app's own webphone, talks, hangs up; pauses now and then."""

    speed: float
    answered: int = 0
    talked: int = 0  # answers that the phone followed into a call
    hung_up: int = 0
    pauses: int = 0
    stuck: int = 0
    reconnects: int = 0
    acted: bool = False
    states: list[object] = field(default_factory=list)
    page_call: list[object] = field(default_factory=list)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=8.0, help="simulated shift (hours)")
    parser.add_argument("--speed", type=float, default=40.0, help="acceleration of traffic")
    parser.add_argument("--warmup", type=float, default=1.0, help="simulated hours before baseline")
    parser.add_argument("--every", type=float, default=20.0, help="wall seconds between samples")
    parser.add_argument("--frames", type=int, default=1, help="tracemalloc frames per trace")
    parser.add_argument("--top", type=int, default=15, help="source lines to show")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--stats-ms",
        type=int,
        default=None,
        help="wall ms between the webphone's quality reports (default: 5000 / speed)",
    )
    return parser.parse_args()


def start_sandbox(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.sandbox", "--port", "0", "--seed", "7"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def main() -> int:
    args = parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        f"{flags} --no-sandbox --use-fake-device-for-media-stream"
    )
    home = tempfile.TemporaryDirectory()
    os.environ["RAMAL_DESKTOP_HOME"] = home.name
    os.environ.setdefault("RAMAL_DESKTOP_LOG", "INFO")
    tracemalloc.start(args.frames)

    sandbox, base_url = start_sandbox(dict(os.environ))
    try:
        return soak(args, base_url, sandbox.pid)
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)
        home.cleanup()


def soak(args: argparse.Namespace, base_url: str, sandbox_pid: int) -> int:
    import httpx
    from PySide6.QtCore import QTimer

    import desktop.shell.runner as runner_module
    from desktop.agent.state import AgentState
    from desktop.app import run
    from desktop.cli import parse_args as parse_launch

    captured: list[object] = []
    running: set[asyncio.Future[None]] = set()

    def keep(coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        running.add(task)
        task.add_done_callback(running.discard)

    build = runner_module.build_workspace

    def build_and_keep(*a: object, **k: object) -> object:
        ws = build(*a, **k)  # type: ignore[arg-type]
        captured.append(ws)
        QTimer.singleShot(0, lambda: keep(drive(ws)))
        return ws

    runner_module.build_workspace = build_and_keep  # type: ignore[assignment]
    speed = args.speed
    wall = args.hours * 3600 / speed
    samples: list[Sample] = []
    snapshots: dict[str, tracemalloc.Snapshot] = {}
    baseline = Path(os.environ["RAMAL_DESKTOP_HOME"]) / "baseline.tracemalloc"
    agent = Agent(speed)

    async def control(client: httpx.AsyncClient, path: str, body: dict[str, object]) -> object:
        reply = await client.post(f"{base_url}/_sandbox/{path}", json=body)
        reply.raise_for_status()
        return reply.json()

    def scaled_ms(ms: float) -> int:
        return max(20, int(ms / speed))

    def wire_agent(ws: object) -> None:
        """Every quarter of a simulated second, act as an agent on what the phone shows."""
        controller = ws.agent  # type: ignore[attr-defined]
        window = ws.window  # type: ignore[attr-defined]
        reasons = controller.preferences.pause_reasons
        # (state, call) → when it was first seen (wall seconds). The call counts: at 40×
        # one call can end and the next ring between two steps, and the new one must be
        # answered rather than taken for the old one still ringing.
        seen: dict[tuple[object, object], float] = {}
        pause_due = [time.monotonic() + 90 * 60 / speed]
        paused_until = [0.0]

        def step() -> None:
            now = time.monotonic()
            snapshot = controller.snapshot
            state = snapshot.state
            key = (state, snapshot.call.started_at if snapshot.call else None)
            if key not in seen and state is AgentState.TALKING:
                agent.talked += 1
            since = seen.setdefault(key, now)
            for other in [k for k in seen if k != key]:
                del seen[other]
                agent.acted = False
            waited = (now - since) * speed  # simulated seconds in this state
            if state is AgentState.RINGING and waited >= 60:
                # Still ringing a minute after the answer was sent (the phone missed the
                # page's answer): the caller hangs up, as one would.
                agent.stuck += 1
                keep(caller_hangs_up())
                seen[key] = now
            elif state is AgentState.RINGING and waited >= 6 and not agent.acted:
                agent.acted = controller.answer()
                agent.answered += agent.acted
            elif state is AgentState.TALKING and waited >= 150:
                if controller.hang_up():
                    agent.hung_up += 1
                seen[key] = now
            elif state is AgentState.ENDED and waited >= 20:
                controller.finish_wrap_up()
            elif state is AgentState.READY:
                if paused_until[0] and now >= paused_until[0]:
                    controller.unpause(None)
                    paused_until[0] = 0.0
                    window.show_panel("supervisor")
                elif not paused_until[0] and now >= pause_due[0] and reasons:
                    if controller.pause(None, reasons[0]):
                        agent.pauses += 1
                        paused_until[0] = now + 10 * 60 / speed
                    pause_due[0] = now + 90 * 60 / speed
            agent.states.append(state)
            del agent.states[:-1]

        async def caller_hangs_up() -> None:
            async with httpx.AsyncClient(timeout=30) as client:
                pages = (await client.get(f"{base_url}/_sandbox/webphones")).json()
                calls = [p["chamada_id"] for p in pages if p.get("chamada_id")]
                for call in calls:
                    await client.post(f"{base_url}/_sandbox/calls/{call}/hangup")
            if not calls:  # the page has no call: the phone is out of step, reconnect it
                agent.reconnects += 1
                controller.reconnect()

        timer = QTimer(controller, interval=scaled_ms(1000))
        timer.timeout.connect(step)
        timer.start()

    async def sample(client: httpx.AsyncClient, started: float) -> Sample:
        gc.collect()
        kinds, split = by_kind(tree(os.getpid(), {sandbox_pid}))
        traffic = (await client.get(f"{base_url}/_sandbox/traffic")).json()
        pages = (await client.get(f"{base_url}/_sandbox/webphones")).json()
        agent.page_call = [p.get("chamada_id") for p in pages]
        elapsed = time.monotonic() - started
        return Sample(
            wall_s=elapsed,
            shift_h=elapsed * speed / 3600,
            calls=sum(traffic["iniciadas"].values()),
            agent_calls=traffic["iniciadas"].get("agente", 0),
            pss_mib=sum(v for k, v in kinds.items() if not k.endswith(" anon")),
            pss_by_kind=kinds,
            pss_split=split,
            heap_mib=tracemalloc.get_traced_memory()[0] / MIB,
            tracemalloc_mib=tracemalloc.get_tracemalloc_memory() / MIB,
            gc_objects=len(gc.get_objects()),
        )

    async def drive(ws: object) -> None:
        window = ws.window  # type: ignore[attr-defined]
        history = ws.history  # type: ignore[attr-defined]
        async with httpx.AsyncClient(timeout=30) as client:
            try:
                await control(
                    client,
                    "settings",
                    {
                        "stats_interval_ms": args.stats_ms or scaled_ms(5000),
                        "ring_timeout_ms": scaled_ms(30_000),
                        "auto_answer_ms": scaled_ms(800),
                        "talk_ms": scaled_ms(120_000),
                    },
                )
                wire_agent(ws)
                window.show_panel("supervisor")
                await control(
                    client,
                    "traffic",
                    {
                        "running": True,
                        "speed": speed,
                        "interval_ms": 4000,
                        "max_live": 6,
                        "ring_agents": True,
                        "seed": args.seed,
                    },
                )
                started = time.monotonic()
                next_history = started
                print(
                    f"shift of {args.hours:g} h at {speed:g}x: {wall:.0f} s of wall time,"
                    f" sample every {args.every:g} s, baseline after {args.warmup:g} simulated h",
                    flush=True,
                )
                while True:
                    now = time.monotonic()
                    if now >= next_history:  # the history, reloaded every simulated 30 min
                        history.reload()
                        next_history = now + 1800 / speed
                    if (now - started) * speed / 3600 >= args.warmup / 2 and not baseline.exists():
                        # Halfway through the warm-up, and kept on disk: taking a snapshot
                        # costs tens of MiB that stay with the process, which must be in
                        # the baseline rather than counted as growth.
                        snapshot = tracemalloc.take_snapshot()
                        snapshot.dump(str(baseline))
                        del snapshot
                    s = await sample(client, started)
                    samples.append(s)
                    print(
                        f"{s.wall_s:6.0f} s  shift {s.shift_h:4.1f} h  calls {s.calls:5d}"
                        f" (agent {s.agent_calls:4d}, answered {agent.answered:4d},"
                        f" {agent.states[-1] if agent.states else '-'} {agent.page_call})"
                        f"  PSS {s.pss_mib:6.1f} MiB (net {s.pss_net_mib:6.1f})"
                        f"  heap {s.heap_mib:6.1f} MiB  objects {s.gc_objects}  "
                        + " ".join(f"{k} {v:.0f}" for k, v in sorted(s.pss_by_kind.items()))
                        + " | "
                        + " ".join(f"{k} {v:.0f}" for k, v in s.pss_split.items()),
                        flush=True,
                    )
                    if s.wall_s >= wall:
                        break
                    await asyncio.sleep(min(args.every, max(0.5, wall - s.wall_s)))
                await control(client, "traffic", {"running": False})
                snapshots["end"] = tracemalloc.take_snapshot()
                if baseline.exists():
                    snapshots["baseline"] = tracemalloc.Snapshot.load(str(baseline))
            except Exception:
                traceback.print_exc()  # the report below still shows what was sampled
            finally:
                QTimer.singleShot(0, window.quitRequested.emit)

    launch = parse_launch(["--sandbox", "--api-url", base_url])
    code = run(launch)
    report(args, samples, snapshots, agent)
    return code


def report(
    args: argparse.Namespace,
    samples: list[Sample],
    snapshots: dict[str, tracemalloc.Snapshot],
    agent: Agent,
) -> None:
    after = [s for s in samples if s.shift_h >= args.warmup]
    if len(after) < 6:
        print("too few samples after the warm-up for a baseline")
        return
    first, last = after[:3], after[-3:]

    def mean(values: list[float]) -> float:
        return statistics.fmean(values)

    def growth(value: Callable[[Sample], float]) -> tuple[float, float]:
        return mean([value(s) for s in first]), mean([value(s) for s in last])

    hours = mean([s.shift_h for s in last]) - mean([s.shift_h for s in first])
    calls = last[-1].calls - first[0].calls
    print()
    print(
        f"Machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}),"
        f" Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"Shift: {samples[-1].shift_h:.1f} simulated hours in {samples[-1].wall_s:.0f} s;"
        f" {samples[-1].calls} calls, {samples[-1].agent_calls} rung to the agent"
        f" ({agent.answered} answered, {agent.talked} talked,"
        f" {agent.hung_up} hung up by the agent,"
        f" {agent.stuck} times still ringing a minute after the answer,"
        f" {agent.reconnects} of them with no call on the page: reconnected),"
        f" {agent.pauses} agent pauses"
    )
    print(
        f"Growth from {first[0].shift_h:.1f} h to {last[-1].shift_h:.1f} h"
        f" ({hours:.1f} simulated hours, {calls} calls), means of three samples each end:"
    )
    rows: list[tuple[str, Callable[[Sample], float]]] = [
        ("PSS, anonymous (less tracemalloc's own)", lambda s: s.anon_net_mib),
        ("PSS, whole tree (less tracemalloc's own)", lambda s: s.pss_net_mib),
        ("Python heap (tracemalloc)", lambda s: s.heap_mib),
    ]
    rows += [(f"PSS {name}", lambda s, n=name: s.pss_split[n]) for name in first[0].pss_split]
    kinds = sorted(set(first[0].pss_by_kind) | set(last[-1].pss_by_kind))
    rows += [(f"PSS {kind}", lambda s, k=kind: s.pss_by_kind.get(k, 0.0)) for kind in kinds]
    for name, value in rows:
        before, now = growth(value)
        print(
            f"  {name:>42}: {before:7.1f} → {now:7.1f} MiB ({now - before:+6.1f};"
            f" {(now - before) / hours * 8:+6.1f} per 8 h)"
        )
    if set(snapshots) != {"baseline", "end"}:
        print(f"no tracemalloc comparison: snapshots taken {sorted(snapshots)}")
    else:
        own = tracemalloc.Filter(False, tracemalloc.__file__)
        end = snapshots["end"].filter_traces([own])
        stats = end.compare_to(snapshots["baseline"].filter_traces([own]), "lineno")
        print(f"Python heap: the {args.top} source lines that grew most since the baseline")
        for stat in stats[: args.top]:
            print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks  {stat}")
        if args.frames > 1:
            print("The same by call stack:")
            for stat in end.compare_to(snapshots["baseline"], "traceback")[: args.top]:
                print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks")
                for line in stat.traceback.format()[-2 * args.frames :]:
                    print(f"      {line}")


if __name__ == "__main__":
    raise SystemExit(main())
