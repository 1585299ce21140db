"""The sandbox account: its balance, the low-balance threshold and what calls cost it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from desktop.sandbox.models import PRICE_PER_MINUTE, Call, JsonObject, billed_seconds, money
from desktop.sandbox.store import CONTA_ID

DEFAULT_BALANCE: Final = 100.0
DEFAULT_LOW_BALANCE: Final = 10.0


def call_price(call: Call, at: datetime) -> float:
    """What both legs of ``call`` cost as of ``at`` (the sum of the legs' ``preco``)."""
    total = 0.0
    for leg in (call.origem, call.destino):
        billed = billed_seconds(leg.talk_seconds(at), leg.tipo, leg.answered_at is not None)
        total += PRICE_PER_MINUTE.get(leg.tipo, 0.1) * (-(-billed // 60))
    return round(total, 2)


@dataclass
class Account:
    """Balance and settings of ``GET /conta``; finished calls are charged to it."""

    saldo: float = DEFAULT_BALANCE
    valor_aviso_saldo_baixo: float = DEFAULT_LOW_BALANCE

    def charge(self, amount: float) -> bool:
        """Take ``amount`` off the balance; True when that crosses below the threshold."""
        if amount <= 0:
            return False
        above = self.saldo >= self.valor_aviso_saldo_baixo
        self.saldo = round(self.saldo - amount, 4)
        return above and self.saldo < self.valor_aviso_saldo_baixo

    def to_json(self) -> JsonObject:
        """The account object (``GET /conta``)."""
        return {
            "id": CONTA_ID,
            "nome": "Conta Sandbox",
            "login": "sandbox@totalvoice.com.br",
            "saldo": money(self.saldo),
            "telefone": "4832830151",
            "cpf_cnpj": "00000000000191",
            "nome_fantasia": "Ramal Desktop Sandbox",
            "preco_fixo": PRICE_PER_MINUTE["fixo"],
            "preco_cel": PRICE_PER_MINUTE["movel"],
            "preco_ramal": PRICE_PER_MINUTE["ramal"],
            "email_financeiro": "financeiro@totalvoice.com.br",
            "valor_aviso_saldo_baixo": money(self.valor_aviso_saldo_baixo),
        }
