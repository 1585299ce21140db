"""The board subscriber against a real nats-server and the relay: snapshot, live, resume."""

from __future__ import annotations

import asyncio
from pathlib import Path

import nats
from relay.relay_helpers import NAMES
from relay_stream import Collector, NatsProcess, relay_on, ringing

from desktop.core.board import RamalState
from desktop.core.board_stream import Away, BoardSnapshot, RelayEvent, RowChanged


def _rows(items: list[object]) -> list[RowChanged]:
    return [i for i in items if isinstance(i, RowChanged)]


def _events(items: list[object]) -> list[RelayEvent]:
    return [i for i in items if isinstance(i, RelayEvent)]


async def _post_ok(relay: object, name: str, body: object) -> None:
    for _ in range(100):  # the relay's own connection may still be coming back
        response = await relay.post(name, body)  # type: ignore[attr-defined]
        if response.status == 200:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"{name} never accepted")


async def test_snapshot_then_live_changes(tmp_path: Path) -> None:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    try:
        async with relay_on([nats_server.url]) as relay:
            await _post_ok(relay, "ramal_tempo_real", ringing("4001", 1))
            await relay.flush()
            collector = Collector([nats_server.url])
            collector.start()
            await collector.until(lambda items: any(isinstance(i, BoardSnapshot) for i in items))
            first = collector.items[0]
            assert isinstance(first, BoardSnapshot)
            assert first.rows["4001"].state is RamalState.RINGING
            await _post_ok(relay, "ramal_tempo_real", ringing("4002", 2, second=5))
            await collector.until(lambda items: len(_rows(items)) >= 1)
            row = _rows(collector.items)[0].row
            assert (row.ramal, row.state) == ("4002", RamalState.RINGING)
            # The event that was already on the board before the snapshot is not repeated.
            assert [e.key for e in _events(collector.items)] == ["4002"]
            await collector.close()
    finally:
        nats_server.stop()


async def test_server_restart_resumes_after_the_last_sequence(tmp_path: Path) -> None:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    try:
        async with relay_on([nats_server.url]) as relay:
            collector = Collector([nats_server.url], retry=1.0)
            collector.start()
            await _post_ok(relay, "ramal_tempo_real", ringing("4001", 1))
            await collector.until(lambda items: any(isinstance(i, BoardSnapshot) for i in items))
            for n in range(2, 6):
                await _post_ok(relay, "ramal_tempo_real", ringing(f"40{n:02d}", n, second=n))
            await collector.until(lambda items: len(_events(items)) >= 4)
            await relay.flush()
            before = {f"40{n:02d}" for n in range(2, 6)}
            await collector.until(lambda items: {r.row.ramal for r in _rows(items)} >= before)

            nats_server.stop()
            await collector.until(lambda items: isinstance(items[-1], Away))
            nats_server.start()
            # Posted while the subscriber is still away: found after it resumes.
            for n in range(6, 11):
                await _post_ok(relay, "ramal_tempo_real", ringing(f"40{n:02d}", n, second=n))
            await collector.until(lambda items: len(_events(items)) >= 9)
            await asyncio.sleep(1.0)
            events = _events(collector.items)
            seqs = [e.seq for e in events]
            assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gap, no repeat
            assert [e.key for e in events] == [f"40{n:02d}" for n in range(2, 11)]
            # Every row the relay stored after the snapshot reaches the subscriber, once (a
            # row the relay failed to store while NATS came back is not on the board at all).
            await relay.flush()
            nc = await nats.connect(nats_server.url)
            kv = await nc.jetstream().key_value(NAMES.bucket)
            stored = {key for key in await kv.keys() if key != "4001"}
            await nc.close()
            assert stored >= before
            await collector.until(lambda items: {r.row.ramal for r in _rows(items)} >= stored)
            ramais = [r.row.ramal for r in _rows(collector.items)]
            assert len(ramais) == len(set(ramais))
            await collector.close()
    finally:
        nats_server.stop()


async def test_no_relay_at_start_is_reported_away_promptly() -> None:
    from desktop.core.board_stream import BoardStream, RelayTarget

    stream = BoardStream(RelayTarget(["nats://127.0.0.1:9"], "acme"), retry=0.2).items()
    async with asyncio.timeout(20):  # the client's own retries alone take minutes
        first = await anext(stream)
    assert isinstance(first, Away)
    await stream.aclose()
