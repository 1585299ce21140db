"""A tiny program around SingleInstance for the two-process tests.

Usage: python single_instance_peer.py NAME [ARGS...]
Prints PRIMARY (then RECEIVED <json> for the first message, and exits 0) or FORWARDED.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from desktop.shell.single_instance import SingleInstance


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    instance = SingleInstance(sys.argv[1])
    if not instance.start(sys.argv[2:]):
        print("FORWARDED", flush=True)
        return 0

    def received(args: list[str]) -> None:
        print("RECEIVED " + json.dumps(args), flush=True)
        QTimer.singleShot(100, app.quit)

    instance.messageReceived.connect(received)
    QTimer.singleShot(30_000, app.quit)  # never outlive a broken test
    print("PRIMARY", flush=True)
    code = app.exec()
    instance.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
