"""The history cache: one SQLite file per profile, reports stored as fetched.

A refresh writes the report as it streams in: each page is upserted in its own short
transaction (:meth:`HistoryCache.store_page`), tagged with the refresh's mark; when the
report is complete, :meth:`HistoryCache.finish_refresh` drops the period's calls the
refresh did not see. A refresh that fails half-way leaves the old calls plus the new
pages, never an emptied period.

A cache only holds what can be fetched again, so a corrupt file is replaced, a file of
another schema version is rebuilt (local ratings are carried over), and a file another
process keeps locked is set aside for an in-memory cache: never fatal. All methods are
blocking and thread-safe; the panel calls them through ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final, TypeVar

import platformdirs

from desktop.core.outcomes import Outcome
from desktop.history.rows import Direction, HistoryRow

__all__ = ["SCHEMA_VERSION", "HistoryCache", "cache_path_for", "clear_profile_cache"]

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 3
_APP_DIR: Final = "ramal-desktop"
_T = TypeVar("_T")

_SCHEMA: Final = """
CREATE TABLE calls (
    scope TEXT NOT NULL,
    call_id TEXT NOT NULL,
    source TEXT NOT NULL,
    created_ts REAL,
    direction TEXT NOT NULL,
    origin TEXT NOT NULL,
    destination TEXT NOT NULL,
    ramal TEXT NOT NULL,
    outcome TEXT NOT NULL,
    outcome_detail TEXT NOT NULL,
    origin_status TEXT NOT NULL,
    destination_status TEXT NOT NULL,
    talk_seconds INTEGER,
    total_seconds INTEGER,
    reason TEXT NOT NULL,
    price TEXT,
    tags TEXT NOT NULL,
    has_recording INTEGER NOT NULL,
    raw TEXT NOT NULL,
    refresh_mark REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, call_id)
);
CREATE INDEX calls_by_time ON calls (scope, created_ts);
CREATE TABLE ratings (
    call_id TEXT PRIMARY KEY,
    nota INTEGER NOT NULL,
    comentario TEXT NOT NULL,
    rated_at REAL NOT NULL
);
CREATE TABLE fetches (
    scope TEXT NOT NULL,
    start_ts REAL NOT NULL,
    end_ts REAL NOT NULL,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (scope, start_ts, end_ts)
);
"""
_ROW_COLUMNS: Final = (
    "call_id, source, created_ts, direction, origin, destination, ramal, outcome, "
    "outcome_detail, origin_status, destination_status, talk_seconds, total_seconds, "
    "reason, price, tags, has_recording"
)


_UPSERT: Final = f"""
INSERT INTO calls VALUES ({", ".join("?" * 20)})
ON CONFLICT (scope, call_id) DO UPDATE SET
""" + ", ".join(
    f"{name} = excluded.{name}"
    for name in (*_ROW_COLUMNS.replace(" ", "").split(",")[1:], "raw", "refresh_mark")
)


def cache_path_for(profile: str, data_dir: Path | None = None) -> Path:
    """Where the cache of ``profile`` lives (the platform's user data dir by default)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", profile).strip("._") or "default"
    base = data_dir or Path(platformdirs.user_data_dir(_APP_DIR, appauthor=False))
    return base / "history" / f"{safe}.sqlite3"


def clear_profile_cache(profile: str, data_dir: Path | None = None) -> None:
    """Delete a profile's cache (on log out); missing files are fine."""
    path = cache_path_for(profile, data_dir)
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        candidate.unlink(missing_ok=True)


def _price(text: object) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


_DIRECTIONS: Final = {d.value: d for d in Direction}
_OUTCOMES: Final = {o.value: o for o in Outcome}


def _row(values: tuple[object, ...]) -> HistoryRow:
    """A cached call; positional, with the enums looked up: loads run 100,000 of these."""
    (cid, source, ts, direction, origin, destination, ramal, outcome, detail) = values[:9]
    (o_status, d_status, talk, total, reason, price, tags, rec, nota, comentario) = values[9:]
    return HistoryRow(
        str(cid),
        str(source),
        float(ts) if isinstance(ts, int | float) else None,
        _DIRECTIONS.get(direction) or Direction(str(direction)),  # type: ignore[call-overload]
        str(origin),
        str(destination),
        str(ramal),
        _OUTCOMES.get(outcome) or Outcome(str(outcome)),  # type: ignore[call-overload]
        str(detail),
        str(o_status),
        str(d_status),
        talk if isinstance(talk, int) else None,
        total if isinstance(total, int) else None,
        str(reason),
        None if price is None else _price(price),
        str(tags),
        bool(rec),
        nota if isinstance(nota, int) else None,
        str(comentario or ""),
    )


class HistoryCache:
    """Calls and local ratings of one profile, in SQLite."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the cache at ``path``; ``None`` keeps it in memory."""
        self.path = path
        self.in_memory = path is None
        self._lock = threading.RLock()
        self._db = self._open()

    # -- opening, rebuilding -------------------------------------------------------------

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=1.0, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL" if target != ":memory:" else "PRAGMA temp_store=2")
        return db

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(self._connect(":memory:"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._prepare(self._connect(str(self.path)))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                log.warning("history cache %s is locked; using memory this session", self.path)
                self.in_memory = True
                return self._prepare(self._connect(":memory:"))
            return self._rebuild_file(exc)
        except sqlite3.DatabaseError as exc:
            return self._rebuild_file(exc)
        except OSError as exc:
            log.warning("history cache %s unusable (%s); using memory", self.path, exc)
            self.in_memory = True
            return self._prepare(self._connect(":memory:"))

    def _rebuild_file(self, exc: Exception) -> sqlite3.Connection:
        assert self.path is not None
        log.warning("history cache %s is damaged (%s); rebuilding it", self.path, exc)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return self._prepare(self._connect(str(self.path)))

    def _prepare(self, db: sqlite3.Connection) -> sqlite3.Connection:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == SCHEMA_VERSION and {"calls", "ratings", "fetches"} <= tables:
            return db
        ratings = self._salvage_ratings(db) if "ratings" in tables else []
        with db:
            for name in tables:
                db.execute(f'DROP TABLE IF EXISTS "{name}"')
            db.executescript(_SCHEMA)
            db.executemany(
                "INSERT OR REPLACE INTO ratings VALUES (?, ?, ?, ?)",
                ratings,
            )
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if tables:
            log.info("history cache upgraded from schema %d to %d", version, SCHEMA_VERSION)
        return db

    @staticmethod
    def _salvage_ratings(db: sqlite3.Connection) -> list[tuple[str, int, str, float]]:
        try:
            rows = db.execute("SELECT * FROM ratings").fetchall()
            names = [d[0] for d in db.execute("SELECT * FROM ratings LIMIT 0").description]
        except sqlite3.DatabaseError:
            return []
        kept = []
        for row in rows:
            record = dict(zip(names, row, strict=True))
            nota = record.get("nota")
            if record.get("call_id") is not None and isinstance(nota, int):
                comentario = str(record.get("comentario") or "")
                rated = record.get("rated_at")
                rated_at = float(rated) if isinstance(rated, int | float) else 0.0
                kept.append((str(record["call_id"]), nota, comentario, rated_at))
        return kept

    def _guard(self, action: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``action``; a database that turns out damaged is rebuilt and tried once more."""
        with self._lock:
            try:
                return action(self._db)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
                    raise
                self._db.close()
                self._db = self._rebuild_file(exc) if self.path else self._open()
                return action(self._db)

    # -- reading, writing ----------------------------------------------------------------

    def store_page(self, scope: str, rows: Iterable[tuple[HistoryRow, str]], mark: float) -> None:
        """Insert or update one page of calls (one transaction), tagged with ``mark``."""
        values = [
            (
                scope, r.call_id, r.source, r.created_ts, r.direction.value, r.origin,
                r.destination, r.ramal, r.outcome.value, r.outcome_detail, r.origin_status,
                r.destination_status, r.talk_seconds, r.total_seconds, r.reason,
                None if r.price is None else str(r.price), r.tags, int(r.has_recording), raw,
                mark,
            )
            for r, raw in rows
        ]  # fmt: skip

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.executemany(_UPSERT, values)

        self._guard(write)

    def finish_refresh(
        self, scope: str, start_ts: float, end_ts: float, mark: float, fetched_at: float
    ) -> None:
        """Drop the period's calls the refresh ``mark`` did not store; note the fetch."""

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "DELETE FROM calls WHERE scope = ? AND created_ts BETWEEN ? AND ? "
                    "AND refresh_mark <> ?",
                    (scope, start_ts, end_ts, mark),
                )
                db.execute(
                    "INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?)",
                    (scope, start_ts, end_ts, fetched_at),
                )

        self._guard(write)

    def store_report(
        self,
        scope: str,
        start_ts: float,
        end_ts: float,
        rows: Iterable[tuple[HistoryRow, str]],
        fetched_at: float,
    ) -> None:
        """Replace the scope's calls of ``[start_ts, end_ts]`` with a fresh fetch."""
        mark = self.new_mark()
        self.store_page(scope, rows, mark)
        self.finish_refresh(scope, start_ts, end_ts, mark, fetched_at)

    def new_mark(self) -> float:
        """A mark no earlier refresh used (its pages are told apart by it)."""

        def read(db: sqlite3.Connection) -> float:
            (latest,) = db.execute("SELECT MAX(refresh_mark) FROM calls").fetchone()
            return float(latest or 0) + 1.0

        return self._guard(read)

    def load(self, scope: str, start_ts: float, end_ts: float) -> list[HistoryRow]:
        """Cached calls of the scope created within ``[start_ts, end_ts]``, ratings included."""

        def read(db: sqlite3.Connection) -> list[HistoryRow]:
            cursor = db.execute(
                f"SELECT {_ROW_COLUMNS}, r.nota, r.comentario FROM calls "
                "LEFT JOIN ratings r USING (call_id) "
                "WHERE scope = ? AND created_ts BETWEEN ? AND ? ORDER BY created_ts DESC",
                (scope, start_ts, end_ts),
            )
            return [_row(v) for v in cursor]

        return self._guard(read)

    def raw(self, scope: str, call_id: str) -> str | None:
        """The JSON record as fetched."""

        def read(db: sqlite3.Connection) -> str | None:
            found = db.execute(
                "SELECT raw FROM calls WHERE scope = ? AND call_id = ?", (scope, call_id)
            ).fetchone()
            return None if found is None else str(found[0])

        return self._guard(read)

    def last_fetch(self, scope: str, start_ts: float, end_ts: float) -> float | None:
        """When this exact range was last fetched (epoch seconds)."""

        def read(db: sqlite3.Connection) -> float | None:
            found = db.execute(
                "SELECT fetched_at FROM fetches WHERE scope = ? AND start_ts = ? AND end_ts = ?",
                (scope, start_ts, end_ts),
            ).fetchone()
            return None if found is None else float(found[0])

        return self._guard(read)

    def set_rating(self, call_id: str, nota: int, comentario: str, rated_at: float) -> None:
        """Remember a rating sent to the API (the reports do not return it)."""

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO ratings VALUES (?, ?, ?, ?)",
                    (call_id, nota, comentario, rated_at),
                )

        self._guard(write)

    def clear(self) -> None:
        """Forget every call, rating and fetch."""

        def wipe(db: sqlite3.Connection) -> None:
            with db:
                for table in ("calls", "ratings", "fetches"):
                    db.execute(f"DELETE FROM {table}")

        self._guard(wipe)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
