from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from pytestqt.qtbot import QtBot

from desktop.shell.application import RamalApplication


def test_phone_links_opened_by_the_os_become_a_signal(qapp: RamalApplication, qtbot: QtBot) -> None:
    assert isinstance(qapp, RamalApplication)
    with qtbot.waitSignal(qapp.linkOpened, timeout=2000) as blocker:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+5548999999999")))
    assert blocker.args == ["tel:+5548999999999"]
    with qtbot.assertNotEmitted(qapp.linkOpened):
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile("/tmp/a.txt")))
