from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.agent.preferences import PauseReason
from desktop.settings import (
    AppPaths,
    CustomHosts,
    Environment,
    NoticeKind,
    Profile,
    Role,
    Settings,
    SettingsStore,
    Theme,
)
from desktop.settings.migrations import CURRENT_VERSION


def _sample() -> Settings:
    prod = Profile("pprod", "Produção", Environment.TOTALVOICE, "4000", frozenset({Role.AGENT}))
    lab = Profile(
        "plab",
        "Lab",
        Environment.CUSTOM,
        "",
        frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR}),
        CustomHosts("http://127.0.0.1:8080", "http://127.0.0.1:8081", "http://127.0.0.1:8082"),
    )
    return Settings(
        profiles=(prod, lab),
        active_profile="plab",
        ring_volume=35,
        queue_ids=("10", "20"),
        pause_reasons=(PauseReason("Almoço", 60, True), PauseReason("Café")),
        auto_answer_seconds=3,
        wrap_up_seconds=20,
        screen_pop_url="https://crm.example/search?phone={numero}",
        language="en",
        theme=Theme.DARK,
        start_minimised=True,
        close_to_tray=False,
        supervisor_number="+5548999990000",
    )


def test_round_trip_is_human_readable(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(_sample())
    text = store.path.read_text()
    data = json.loads(text)
    assert data["version"] == CURRENT_VERSION
    assert list(data) == sorted(data)
    assert "\n  " in text
    result = store.load()
    assert result.settings == _sample()
    assert result.notices == ()
    assert result.settings.active is not None and result.settings.active.name == "Lab"


def test_missing_file_gives_defaults_silently(tmp_path: Path) -> None:
    result = SettingsStore(tmp_path / "nope.json").load()
    assert result.settings == Settings()
    assert result.notices == ()


def test_version_1_is_migrated_and_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {
        "version": 1,
        "environment": "totalvoice",
        "ramal": 4001,
        "auto_answer": True,
        "auto_answer_delay": 5,
        "dark_mode": False,
        "lang": "en",
        "pause_reasons": ["Almoço", "Banheiro"],
        "close_to_tray": False,
    }
    path.write_text(json.dumps(old))
    result = SettingsStore(path).load()
    s = result.settings
    assert [n.kind for n in result.notices] == [NoticeKind.MIGRATED]
    assert result.notices[0].version == 1
    assert s.active is not None and s.active.id == "default" and s.active.ramal == "4001"
    assert s.active.environment is Environment.TOTALVOICE
    assert s.auto_answer_seconds == 5 and s.theme is Theme.LIGHT and s.language == "en"
    assert [r.label for r in s.pause_reasons] == ["Almoço", "Banheiro"]
    assert s.close_to_tray is False
    assert json.loads(path.read_text())["version"] == CURRENT_VERSION
    assert json.loads((tmp_path / "settings.json.v1.bak").read_text()) == old


@pytest.mark.parametrize(
    "content", ["{not json", "[1, 2]", '{"version": "two"}', b"\xff\xfe\x00garbage"]
)
def test_corrupt_file_is_kept_aside_and_defaults_used(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "settings.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    result = SettingsStore(path).load()
    assert result.settings == Settings()
    (notice,) = result.notices
    assert notice.kind is NoticeKind.CORRUPT
    assert notice.path is not None and notice.path.name.startswith("settings.json.corrupt-")
    assert notice.path.read_bytes() == (content if isinstance(content, bytes) else content.encode())
    assert not path.exists()


def test_bad_fields_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    data = {
        "version": CURRENT_VERSION,
        "ring_volume": 900,
        "theme": "purple",
        "close_to_tray": "yes",
        "wrap_up_seconds": 15,
        "profiles": [
            {"id": "../etc", "environment": "totalvoice"},
            {"id": "ok1", "environment": "sandbox"},
        ],
        "pause_reasons": [{"name": "Café", "max_minutes": -3}, {"name": "Almoço"}],
    }
    path.write_text(json.dumps(data))
    result = SettingsStore(path).load()
    s = result.settings
    assert s.ring_volume == 80 and s.theme is Theme.SYSTEM and s.close_to_tray is True
    assert s.wrap_up_seconds == 15
    assert [p.id for p in s.profiles] == ["ok1"]
    assert [r.label for r in s.pause_reasons] == ["Almoço"]
    (notice,) = result.notices
    assert notice.kind is NoticeKind.INVALID_FIELDS
    assert {"ring_volume", "theme", "close_to_tray", "profiles[0]", "pause_reasons[0]"} <= set(
        notice.fields
    )


def test_an_invalid_profile_entry_is_kept_in_a_copy_before_a_save_drops_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    bad = {"id": "pwork", "name": "Work", "environment": "custom", "ramal": "4000"}
    good = {"id": "plab", "name": "Lab", "environment": "totalvoice", "ramal": "4001"}
    text = json.dumps({"version": CURRENT_VERSION, "profiles": [bad, good]})
    path.write_text(text, encoding="utf-8")
    store = SettingsStore(path)
    result = store.load()
    assert [p.id for p in result.settings.profiles] == ["plab"]
    (notice,) = result.notices
    assert notice.kind is NoticeKind.INVALID_FIELDS and notice.fields == ("profiles[0]",)
    assert notice.path is not None and notice.path.name.startswith("settings.json.invalid-")
    assert notice.path.read_text(encoding="utf-8") == text
    store.save(result.settings)  # what the app does next: the entry is gone from the file
    assert "pwork" not in path.read_text(encoding="utf-8")
    assert json.loads(notice.path.read_text(encoding="utf-8"))["profiles"][0] == bad
    # Read again unchanged, the same copy is named, not a second one.
    path.write_text(text, encoding="utf-8")
    assert store.load().notices[0].path == notice.path
    assert len(list(tmp_path.glob("settings.json.invalid-*"))) == 1


def test_newer_version_is_read_and_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": CURRENT_VERSION + 1, "ring_volume": 10, "future": 1}))
    store = SettingsStore(path)
    result = store.load()
    assert result.settings.ring_volume == 10
    assert [n.kind for n in result.notices] == [NoticeKind.NEWER_VERSION]
    store.save(result.settings)
    assert json.loads(path.read_text())["future"] == 1  # unknown keys survive a save


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "deep" / "settings.json")
    store.save(Settings())
    store.save(_sample())
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]


def test_app_paths_follow_the_home_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_HOME", str(tmp_path))
    paths = AppPaths.default().ensure()
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.log_dir.is_dir() and paths.profile_data_dir("p1").parent.name == "profiles"
    with pytest.raises(ValueError):
        paths.profile_data_dir("../escape")
    monkeypatch.delenv("RAMAL_DESKTOP_HOME")
    assert "ramal-desktop" in str(AppPaths.default().config_dir).lower()
