"""Where ``ramal-desktop export`` writes: regular files, symlinks, devices, FIFOs, stdout."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import make_row
from instants import NOON

from desktop.cli import main
from desktop.history.xlsx_export import write_xlsx
from desktop.sandbox.server import SandboxThread

# The history suite's sandbox starts at a fixed noon: the period is around its day.
START, END = NOON.date() - timedelta(days=31), NOON.date()
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and FIFOs")


def export_args(sandbox: SandboxThread, *extra: str) -> list[str]:
    period = ["--from", str(START), "--to", str(END)]
    return ["export", "calls", *period, "--api-url", sandbox.base_url, *extra]


@pytest.fixture
def token(sandbox: SandboxThread, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)


def private_device(folder: Path, name: str, minor: int) -> Path:
    """A memory device node of our own (``/dev/full`` is 1:7, ``/dev/null`` 1:3).

    A private node keeps the machine's own devices safe from a faulty export. Without the
    right to create or open one, the machine's device is used only when ``/dev`` is not
    writable, so that no export can replace it.
    """
    node = folder / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        os.close(os.open(node, os.O_WRONLY))
    except OSError:
        node.unlink(missing_ok=True)
        if os.access("/dev", os.W_OK):
            pytest.skip("no private device node here, and /dev/" + name + " could be replaced")
        return Path("/dev") / name
    return node


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    return private_device(tmp_path, "full", 7)


@pytest.mark.usefixtures("token")
def test_full_device_is_an_error_and_stays_a_device(
    sandbox: SandboxThread, full_device: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(export_args(sandbox, "--output", str(full_device)))
    err = capsys.readouterr().err
    assert code == 3
    assert str(full_device) in err
    assert "sem espaço" in err
    assert stat.S_ISCHR(full_device.stat().st_mode)
    if full_device.parent != Path("/dev"):
        assert [p.name for p in full_device.parent.iterdir()] == [full_device.name]


@pytest.mark.usefixtures("token")
def test_null_device_is_written_in_place(
    sandbox: SandboxThread, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    null = private_device(tmp_path, "null", 3)
    assert main(export_args(sandbox, "--output", str(null))) == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    assert "gravadas em" in capsys.readouterr().err


@pytest.mark.usefixtures("token")
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_symlink_target_is_replaced_and_the_link_kept(
    sandbox: SandboxThread, tmp_path: Path, fmt: str
) -> None:
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / f"calls.{fmt}"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / f"latest.{fmt}"
    link.symlink_to(target)
    assert main(export_args(sandbox, "--format", fmt, "--output", str(link))) == 0
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    text = target.read_text(encoding="utf-8-sig")
    assert text != "old"
    if fmt == "json":
        assert json.loads(text)
    else:
        assert text.startswith("id;data;")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file's mode survives
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [target.name]


@pytest.mark.usefixtures("token")
def test_dangling_symlink_creates_its_target(sandbox: SandboxThread, tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert main(export_args(sandbox, "--output", str(link))) == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8-sig").startswith("id;data;")


@pytest.mark.usefixtures("token")
def test_fifo_gets_the_data(sandbox: SandboxThread, tmp_path: Path) -> None:
    fifo = tmp_path / "calls.fifo"
    os.mkfifo(fifo)
    keep = tmp_path / "same.fifo"
    os.link(fifo, keep)  # reaches the FIFO even if the export renamed something over it
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = main(export_args(sandbox, "--format", "json", "--output", str(fifo)))
    reader.join(timeout=30)
    if reader.is_alive():  # nothing opened the FIFO: let the reader see an end
        os.close(os.open(keep, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=30)
    assert code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and json.loads(received[0].decode("utf-8"))


def run_cli(
    sandbox: SandboxThread, args: list[str], shell_redirect: str = "", **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "RAMAL_DESKTOP_TOKEN": sandbox.token}
    command = [sys.executable, "-m", "desktop", *args]
    if shell_redirect:
        command = ["sh", "-c", f'"$0" "$@" {shell_redirect}', *command]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def full_stdout(full_device: Path) -> Iterator[object]:
    with open(full_device, "wb") as handle:
        yield handle


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_full_stdout_is_reported_as_standard_output(
    sandbox: SandboxThread, full_stdout: object, fmt: str
) -> None:
    done = run_cli(sandbox, export_args(sandbox, "--format", fmt), stdout=full_stdout)
    err = done.stderr.decode()
    assert done.returncode == 3, err
    assert "saída padrão" in err
    assert "None" not in err
    assert "Traceback" not in err
    assert "Exception ignored" not in err


def test_closed_stdout_is_reported_as_standard_output(sandbox: SandboxThread) -> None:
    done = run_cli(sandbox, export_args(sandbox), shell_redirect=">&-")
    err = done.stderr.decode()
    assert done.returncode == 3, err
    assert "saída padrão" in err
    assert "Traceback" not in err


def test_stdout_and_file_get_the_same_csv(sandbox: SandboxThread, tmp_path: Path) -> None:
    out = tmp_path / "calls.csv"
    to_file = run_cli(sandbox, export_args(sandbox, "--output", str(out)))
    assert to_file.returncode == 0, to_file.stderr
    to_stdout = run_cli(sandbox, export_args(sandbox), stdout=subprocess.PIPE)
    assert to_stdout.returncode == 0, to_stdout.stderr
    assert to_stdout.stdout == out.read_bytes()


def test_xlsx_onto_a_full_device_raises_the_disk_error(full_device: Path) -> None:
    pytest.importorskip("xlsxwriter")
    with pytest.raises(OSError) as raised:
        write_xlsx(full_device, [make_row(i) for i in range(5)])
    assert raised.value.errno == errno.ENOSPC
    assert stat.S_ISCHR(full_device.stat().st_mode)


def test_xlsx_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    target = tmp_path / "book.xlsx"
    link = tmp_path / "latest.xlsx"
    link.symlink_to(target)
    assert write_xlsx(link, [make_row(i) for i in range(5)]) == target
    assert link.is_symlink()
    assert target.read_bytes()[:2] == b"PK"
