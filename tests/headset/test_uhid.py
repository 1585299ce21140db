"""A real (virtual) headset in the kernel: uhid → hidraw → hidapi → the headset layer.

Where ``/dev/uhid`` exists and the test runs as root, ``uhid_headset.py`` runs directly.
Otherwise (this machine's kernel has no uhid) it boots Debian's kernel in qemu with a
tiny initramfs (busybox + the 9p, virtio and uhid modules), the host's root filesystem
shared read-only over 9p, and runs the same script there with the venv's Python; the
verdict comes back on the serial console. Skipped without KVM, qemu, busybox or the
kernel that ``scripts/bootstrap.sh`` unpacks into ``.tools/linux``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = HERE / "uhid_headset.py"
KERNEL_DIR = ROOT / ".tools" / "linux"
# Load order matters: busybox insmod does not resolve dependencies.
MODULES = (
    "drivers/virtio/virtio_ring.ko",
    "drivers/virtio/virtio.ko",
    "drivers/virtio/virtio_pci_modern_dev.ko",
    "drivers/virtio/virtio_pci_legacy_dev.ko",
    "drivers/virtio/virtio_pci.ko",
    "fs/netfs/netfs.ko",
    "fs/fscache/fscache.ko",
    "net/9p/9pnet.ko",
    "net/9p/9pnet_virtio.ko",
    "fs/9p/9p.ko",
    "drivers/hid/hid.ko",
    "drivers/hid/hid-generic.ko",
    "drivers/hid/uhid.ko",
)

INIT = """#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in {modules}; do insmod /modules/$m || echo "insmod $m failed"; done
mkdir -p /host
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostroot /host || echo "no 9p"
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -t devtmpfs dev /host/dev
# Scratch space on /run, not over /tmp: the checkout (and its venv) may live under /tmp.
mount -t tmpfs run /host/run
echo HEADSET-BOOTED
chroot /host /usr/bin/env HOME=/run TMPDIR=/run PYTHONDONTWRITEBYTECODE=1 {python} {script}
echo HEADSET-DONE
poweroff -f
"""


def _kernel() -> tuple[Path, Path] | None:
    kernels = sorted(KERNEL_DIR.glob("boot/vmlinuz-*"))
    if not kernels:
        return None
    version = kernels[-1].name.removeprefix("vmlinuz-")
    modules = KERNEL_DIR / "lib" / "modules" / version / "kernel"
    return (kernels[-1], modules) if modules.is_dir() else None


def _cpio(entries: list[tuple[str, int, bytes]]) -> bytes:
    """A newc cpio archive of (name, mode, data) entries, as the kernel unpacks it."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate([*entries, ("TRAILER!!!", 0, b"")], 1):
        encoded = name.encode() + b"\0"
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(encoded), 0]
        out += b"070701" + b"".join(f"{v:08x}".encode() for v in fields) + encoded
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    return bytes(out)


def _initramfs(modules: Path) -> bytes:
    busybox = shutil.which("busybox")
    assert busybox is not None
    names = [Path(m).name for m in MODULES]
    init = INIT.format(modules=" ".join(names), python=sys.executable, script=SCRIPT)
    entries: list[tuple[str, int, bytes]] = [
        (d, 0o040755, b"") for d in ("bin", "proc", "sys", "dev", "modules", "host")
    ]
    entries.append(("bin/busybox", 0o100755, Path(busybox).read_bytes()))
    entries.append(("init", 0o100755, init.encode()))
    entries += [(f"modules/{Path(m).name}", 0o100644, (modules / m).read_bytes()) for m in MODULES]
    return _cpio(entries)


def _verdict(output: str) -> str:
    lines = [line for line in output.splitlines() if "HEADSET-VERDICT" in line]
    return lines[-1].split("HEADSET-VERDICT", 1)[1].strip() if lines else ""


@pytest.mark.timeout(1000)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uhid is Linux's")
def test_virtual_headset_through_uhid(tmp_path: Path) -> None:
    if os.path.exists("/dev/uhid") and os.geteuid() == 0:
        run = subprocess.run(
            [sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=600
        )
        assert _verdict(run.stdout) == "ok", run.stdout + run.stderr
        return
    qemu = shutil.which("qemu-system-x86_64")
    kernel = _kernel()
    if qemu is None:
        pytest.skip("needs qemu-system-x86_64 (Debian qemu-system-x86)")
    if shutil.which("busybox") is None:
        pytest.skip("needs busybox (Debian busybox-static)")
    if kernel is None:
        pytest.skip("needs the kernel scripts/bootstrap.sh unpacks into .tools/linux")
    vmlinuz, modules = kernel
    initrd = tmp_path / "initrd.cpio"
    initrd.write_bytes(_initramfs(modules))
    run = subprocess.run(
        [
            qemu,
            "-accel",
            "tcg",
            "-m",
            "512",
            "-nographic",
            "-no-reboot",
            "-kernel",
            str(vmlinuz),
            "-initrd",
            str(initrd),
            "-append",
            "console=ttyS0,115200 quiet panic=-1 rdinit=/init",
            "-virtfs",
            "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap",
        ],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=900,
        stdin=subprocess.DEVNULL,
    )
    assert "HEADSET-BOOTED" in run.stdout, run.stdout[-3000:] + run.stderr[-2000:]
    assert _verdict(run.stdout) == "ok", run.stdout[-3000:]
