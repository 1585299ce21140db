"""The webphone URL of a ramal (``GET /webphone`` on the newer host)."""

from __future__ import annotations

from desktop.api.config import Host
from desktop.api.errors import ValidationError
from desktop.api.models.webphone import WebphoneType, WebphoneUrl, parse_webphone_url
from desktop.api.transport import ApiTransport
from desktop.api.wire import e164_number, path_id

__all__ = ["WebphoneApi"]


class WebphoneApi:
    """``/webphone``: a fresh, signed URL for every load (they expire)."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def get_url(
        self,
        ramal: str | None = None,
        id_ramal: int | str | None = None,
        ligar_para: str | None = None,
        fechar_fim: bool | None = None,
        tipo: WebphoneType | str = WebphoneType.EMBEDDED,
    ) -> WebphoneUrl:
        """Ask for the webphone URL of a ramal, by number (``ramal``) or id (``id_ramal``).

        Exactly one of the two must be given. ``ligar_para`` makes the webphone dial on
        open; ``fechar_fim`` closes it when the call ends.
        """
        if (ramal is None) == (id_ramal is None):
            raise ValidationError("validation.webphone_target", field="ramal")
        try:
            kind = WebphoneType(tipo.strip().lower() if isinstance(tipo, str) else tipo)
        except ValueError:
            raise ValidationError("validation.webphone_tipo", field="tipo") from None
        params: dict[str, object] = {"tipo": kind.value}
        if ramal is not None:
            params["ramal"] = path_id(str(ramal).strip(), "ramal")
        if id_ramal is not None:
            params["id_ramal"] = path_id(id_ramal, "id_ramal")
        if ligar_para is not None:
            params["ligar_para"] = e164_number(ligar_para, "ligar_para")
        if fechar_fim is not None:
            params["fechar_fim"] = bool(fechar_fim)
        dados = await self._transport.request("GET", Host.VOICE, "/webphone", params=params)
        return parse_webphone_url(dados)
