"""The low-balance warning the relay pushes (``aviso_saldo``), shown to administrators."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

__all__ = ["BalanceBanner"]


class BalanceBanner(QFrame):
    """Hidden until :meth:`show_balance`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceBanner")
        self.setStyleSheet("#balanceBanner { background: #fff3cd; }")
        self.text = QLabel(wordWrap=True)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(close)
        self.hide()

    def show_balance(self, saldo: Decimal) -> None:
        """Warn that the account's balance fell to ``saldo``."""
        amount = f"{saldo:.2f}".replace(".", ",")
        self.text.setText(
            self.tr("Balance warning: the account has R$ %1 left.").replace("%1", amount)
        )
        self.setAccessibleName(self.text.text())
        self.show()
