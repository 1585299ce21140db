"""One running app per user: a second launch hands its arguments to the first and exits.

The first instance listens on a per-user local socket (a named pipe on Windows). A later
launch connects, sends its arguments as one JSON line, waits for ``ok`` and exits; the first
instance emits :attr:`SingleInstance.messageReceived` (bring the window forward, dial a
``tel:`` link). A socket left behind by a crash is detected (nobody answers) and replaced.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from desktop.settings.paths import APP_SLUG, HOME_ENV

log = logging.getLogger(__name__)

__all__ = ["SingleInstance", "server_name"]

_MAX_MESSAGE: Final = 64 * 1024
_ACK: Final = b"ok\n"


def server_name(app_id: str = APP_SLUG) -> str:
    """The socket name for this user (and this ``$RAMAL_DESKTOP_HOME``, for portable runs)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\0{os.environ.get(HOME_ENV, '')}".encode()
    return f"{app_id}-{hashlib.sha256(key).hexdigest()[:16]}"


class SingleInstance(QObject):
    """Owns the local server of the first instance, or forwards to it.

    ``start(args)`` returns True in the first instance (now listening) and False when the
    arguments were delivered to an instance already running (the caller exits 0).
    """

    messageReceived = Signal(list)  # the other launch's arguments, list[str]

    def __init__(
        self, name: str | None = None, parent: QObject | None = None, timeout_ms: int = 3000
    ) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.timeout_ms = timeout_ms
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def listening(self) -> bool:
        """True in the first instance."""
        return self._server is not None and self._server.isListening()

    def start(self, args: Sequence[str]) -> bool:
        """Forward ``args`` to a running instance, or become the running instance."""
        for _attempt in range(3):
            if self.forward(args):
                return False
            if self.listen():
                return True
        raise RuntimeError(f"cannot listen on or reach local socket {self.name!r}")

    def forward(self, args: Sequence[str]) -> bool:
        """Deliver ``args`` to the running instance; False when there is none answering."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(self.timeout_ms):
            return False
        payload = json.dumps({"args": list(args)}).encode() + b"\n"
        socket.write(payload)
        socket.flush()
        delivered = socket.waitForBytesWritten(self.timeout_ms) or socket.bytesToWrite() == 0
        answer = b""
        while delivered and _ACK not in answer and socket.waitForReadyRead(self.timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        if _ACK not in answer:
            log.warning("running instance did not confirm the forwarded arguments")
        return delivered

    def listen(self) -> bool:
        """Listen on the socket, replacing a stale one; False if another instance holds it."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                raise RuntimeError(f"local server failed: {server.errorString()}")
            if self._someone_answers():
                return False
            log.info("removing stale single-instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _someone_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(min(self.timeout_ms, 1000))
        probe.abort()
        return alive

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > _MAX_MESSAGE:
            log.warning("oversized single-instance message dropped")
            socket.abort()
            return
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            args = message["args"]
            if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
                raise TypeError("args must be a list of strings")
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            log.warning("malformed single-instance message dropped: %s", exc)
            socket.abort()
            return
        socket.write(_ACK)
        socket.flush()
        self.messageReceived.emit(args)
