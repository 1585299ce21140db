from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import make_row

from desktop.history.cache import SCHEMA_VERSION, HistoryCache, cache_path_for, clear_profile_cache


def fill(cache: HistoryCache, n: int = 20) -> None:
    rows = [(make_row(i), f'{{"id": {1000 + i}}}') for i in range(n)]
    cache.store_report("all", 0, 2e9, rows, fetched_at=123.0)


def test_round_trip_offline_open_and_ratings(tmp_path: Path) -> None:
    path = cache_path_for("ana@empresa", tmp_path)
    cache = HistoryCache(path)
    fill(cache)
    cache.set_rating("1003", 4, "boa", 1.0)
    cache.close()
    reopened = HistoryCache(path)  # no network involved: straight from disk
    rows = reopened.load("all", 0, 2e9)
    assert len(rows) == 20
    assert rows == sorted(rows, key=lambda r: r.created_ts or 0, reverse=True)
    rated = next(r for r in rows if r.call_id == "1003")
    assert (rated.rating, rated.rating_comment) == (4, "boa")
    assert rows[-1] == make_row(0)
    assert reopened.raw("all", "1005") == '{"id": 1005}'
    assert reopened.last_fetch("all", 0, 2e9) == 123.0
    assert reopened.load("ramal:4000", 0, 2e9) == []


def test_every_field_comes_back_as_stored(tmp_path: Path) -> None:
    cache = HistoryCache(tmp_path / "c.sqlite3")
    stored = [make_row(i) for i in range(12)]
    stored.append(make_row(12, talk_seconds=None, total_seconds=None, price=None, tags=""))
    cache.store_report("all", 0, 2e9, [(r, "{}") for r in stored], fetched_at=1.0)
    cache.set_rating("1004", 5, "", 1.0)
    loaded = {r.call_id: r for r in cache.load("all", 0, 2e9)}
    assert loaded.pop("1004") == stored[4].with_rating(5, "")
    assert sorted(loaded.values(), key=lambda r: r.call_id) == stored[:4] + stored[5:]


def test_refetch_replaces_the_range(tmp_path: Path) -> None:
    cache = HistoryCache(tmp_path / "c.sqlite3")
    fill(cache, 20)
    cache.store_report("all", 0, 2e9, [(make_row(1), "{}")], fetched_at=2.0)
    assert [r.call_id for r in cache.load("all", 0, 2e9)] == ["1001"]


def test_corrupt_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = HistoryCache(path)
    assert cache.load("all", 0, 2e9) == []
    fill(cache)
    assert len(cache.load("all", 0, 2e9)) == 20


def test_damage_after_open_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = HistoryCache(path)
    fill(cache)
    cache._db.execute("DROP TABLE calls")  # simulates a broken file under our feet
    assert cache.load("all", 0, 2e9) == []


def test_old_schema_is_upgraded_keeping_ratings(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE calls (id TEXT, json TEXT);"
        "INSERT INTO calls VALUES ('1', '{}');"
        "CREATE TABLE ratings (call_id TEXT, nota INTEGER, comentario TEXT);"
        "INSERT INTO ratings VALUES ('1003', 5, 'ótima');"
        "PRAGMA user_version = 1;"
    )
    db.commit()
    db.close()
    cache = HistoryCache(path)
    assert cache._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    fill(cache)
    rated = next(r for r in cache.load("all", 0, 2e9) if r.call_id == "1003")
    assert rated.rating == 5


def test_locked_file_falls_back_to_memory(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    HistoryCache(path).close()
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        cache = HistoryCache(path)
        fill(cache)
        assert len(cache.load("all", 0, 2e9)) == 20
        assert cache.in_memory
    finally:
        holder.rollback()
        holder.close()


def test_clear_on_log_out(tmp_path: Path) -> None:
    path = cache_path_for("perfil 1", tmp_path)
    cache = HistoryCache(path)
    fill(cache)
    cache.close()
    clear_profile_cache("perfil 1", tmp_path)
    assert not path.exists()


def test_pages_are_upserted_one_transaction_each(tmp_path: Path) -> None:
    cache = HistoryCache(tmp_path / "c.sqlite3")
    fill(cache, 10)  # an earlier refresh: calls 1000..1009
    cache.set_rating("1002", 5, "ótima", 1.0)
    mark = cache.new_mark()
    changes: list[int] = []
    cache._db.set_trace_callback(lambda sql: changes.append(1) if sql == "COMMIT" else None)
    cache.store_page("all", [(make_row(i, tags="novo"), "{}") for i in range(0, 4)], mark)
    cache.store_page("all", [(make_row(i, tags="novo"), "{}") for i in range(4, 8)], mark)
    cache._db.set_trace_callback(None)
    assert len(changes) == 2  # one transaction per page
    mid = cache.load("all", 0, 2e9)
    assert len(mid) == 10  # updated in place, nothing duplicated, nothing dropped yet
    assert {r.tags for r in mid if int(r.call_id) < 1008} == {"novo"}
    assert next(r for r in mid if r.call_id == "1002").rating == 5
    cache.finish_refresh("all", 0, 2e9, mark, fetched_at=456.0)
    done = cache.load("all", 0, 2e9)
    assert sorted(r.call_id for r in done) == [str(1000 + i) for i in range(8)]
    assert cache.last_fetch("all", 0, 2e9) == 456.0


def test_a_refresh_that_stops_half_way_keeps_the_old_calls(tmp_path: Path) -> None:
    cache = HistoryCache(tmp_path / "c.sqlite3")
    fill(cache, 6)
    mark = cache.new_mark()
    cache.store_page("all", [(make_row(i, tags="novo"), "{}") for i in range(2)], mark)
    # no finish_refresh: the fetch failed
    rows = cache.load("all", 0, 2e9)
    assert len(rows) == 6
    assert cache.last_fetch("all", 0, 2e9) == 123.0
    assert cache.new_mark() > mark
