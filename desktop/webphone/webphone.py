"""The webphone facade: one method per provider function, one Qt signal per event."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo, QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from desktop.api.models.webphone import WebphoneType, WebphoneUrl
from desktop.api.phone import WebphoneNumberFormat
from desktop.webphone.page import WebphonePage
from desktop.webphone.policy import origin_of, webphone_url_problem
from desktop.webphone.profile import create_profile
from desktop.webphone.protocol import Command, Event, ParsedEvent, build_command
from desktop.webphone.relay import DropLog, Relay, RelayConfig
from desktop.webphone.scheme import host_page_url
from desktop.webphone.watchdog import Health, Watchdog

__all__ = ["FetchUrl", "Webphone", "WebphoneUnavailable"]

log = logging.getLogger(__name__)

FetchUrl = Callable[[], Awaitable[WebphoneUrl]]

# Translated when used: the translator is installed after this module is imported.
_TERMINATION = {
    QWebEnginePage.RenderProcessTerminationStatus.AbnormalTerminationStatus: QT_TRANSLATE_NOOP(
        "Webphone", "the webphone process ended with an error (code %1)"
    ),
    QWebEnginePage.RenderProcessTerminationStatus.CrashedTerminationStatus: QT_TRANSLATE_NOOP(
        "Webphone", "the webphone process crashed (code %1)"
    ),
    QWebEnginePage.RenderProcessTerminationStatus.KilledTerminationStatus: QT_TRANSLATE_NOOP(
        "Webphone", "the webphone process was killed (code %1)"
    ),
}


class WebphoneUnavailable(RuntimeError):
    """A command was given while the webphone page is not loaded."""


class Webphone(QObject):
    """Loads the provider's webphone in a host page and speaks its protocol.

    ``fetch_url`` returns a fresh signed URL (``GET /webphone`` with the same ``tipo`` as
    ``style``) and is awaited for every load: URLs are never reused. ``data_dir`` holds
    the profile's storage. ``silence_ms`` is how long without ``stats_webphone`` counts
    as dead (default 3× the provider's 5 s); ``retry_ms`` is the first reload delay and
    its cap. ``open_external`` opens links the user clicked (default: the system
    browser). ``number_format`` is how Brazilian numbers go to ``chamaNumero`` and the
    transfers (the profile's setting; ``DDD + número`` like the provider's examples).
    Call :meth:`start` once the asyncio loop (qasync) runs and :meth:`close` before
    quitting.

    Commands raise :class:`~desktop.webphone.protocol.ProtocolError` for bad input and
    :class:`WebphoneUnavailable` before the page has loaded.
    """

    chegandoChamada = Signal(str, str, str)  # numeroChegando, numeroDestino, chamadaRecebidaId
    status = Signal(str)
    chamada_id = Signal(str)
    status_erro = Signal(str)
    stats_webphone = Signal(str, str)  # internet, computador
    entrou_na_fila = Signal(str)  # filaId or ""
    saiu_da_fila = Signal(str)
    pausou_na_fila = Signal(str)
    despausou_na_fila = Signal(str)

    received = Signal(object)  # every valid event as a ParsedEvent, for the agent state machine
    health_changed = Signal(str, str)  # Health value, reason
    failed = Signal(str)  # reason: renderer gone, page or URL failed to load
    frame_loaded = Signal()
    dropped = Signal(str, int)  # reason, count

    def __init__(
        self,
        fetch_url: FetchUrl,
        data_dir: Path,
        *,
        style: WebphoneType | str = WebphoneType.EMBEDDED,
        silence_ms: int = 15_000,
        retry_ms: tuple[int, int] = (1_000, 60_000),
        open_external: Callable[[QUrl], None] | None = None,
        number_format: WebphoneNumberFormat = WebphoneNumberFormat.NATIONAL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._number_format = number_format
        if WebphoneType(style) is WebphoneType.FLOATING:
            raise ValueError("the floating webphone opens a pop-up; use embedded or hidden")
        self._fetch_url = fetch_url
        self._hidden = WebphoneType(style) is WebphoneType.HIDDEN
        self._task: asyncio.Task[None] | None = None
        self._ready = False
        self._wanted = True
        self._show_frame = False
        self._closed = False
        self._loading_host = False  # the app asked for the host page and it has not come yet
        self._drop_log = DropLog()

        self._profile, self._handler = create_profile(data_dir, self)
        extra = {} if open_external is None else {"open_external": open_external}
        self._page = WebphonePage(self._profile, None, **extra)
        self._relay = Relay(self._on_event, self._on_dropped, self._on_frame_state, self)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("relay", self._relay)
        self._page.setWebChannel(self._channel)
        self._page.loadingChanged.connect(self._on_loading)
        self._page.renderProcessTerminated.connect(self._on_render_terminated)
        self._view = QWebEngineView()
        self._view.setPage(self._page)

        self._watchdog = Watchdog(silence_ms=silence_ms, retry_ms=retry_ms, parent=self)
        self._watchdog.health_changed.connect(self.health_changed)
        self._watchdog.recover.connect(self._on_recover)

    # --- state -----------------------------------------------------------------------

    @property
    def view(self) -> QWebEngineView:
        """The widget showing the host page (hidden in normal use, shown for troubleshooting)."""
        return self._view

    @property
    def page(self) -> WebphonePage:
        """The host page."""
        return self._page

    @property
    def health(self) -> Health:
        """Current health (``health_changed`` reports every change)."""
        return self._watchdog.health

    @property
    def health_reason(self) -> str:
        """Why the webphone is down, in the interface language; empty when not down."""
        return self._watchdog.reason

    @property
    def call_active(self) -> bool:
        """True while a call rings, dials or talks."""
        return self._watchdog.call_active

    @property
    def is_ready(self) -> bool:
        """True once the webphone frame has loaded; commands work from then on."""
        return self._ready

    @property
    def number_format(self) -> WebphoneNumberFormat:
        """How Brazilian numbers are written in the commands sent from now on."""
        return self._number_format

    def set_number_format(self, number_format: WebphoneNumberFormat) -> None:
        """Write Brazilian numbers in ``number_format`` from the next command on."""
        self._number_format = number_format

    def set_frame_visible(self, visible: bool) -> None:
        """Show the provider's frame inside the host page (troubleshooting view)."""
        self._show_frame = visible
        self._relay.frameVisible.emit(visible)

    # --- lifecycle -------------------------------------------------------------------

    def start(self) -> None:
        """Fetch a URL and load the webphone (in a task on the running loop)."""
        self.reload()

    def reload(self) -> None:
        """Load again with a fresh URL; a load still in progress is cancelled."""
        if self._closed:
            return
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._relay.retire()
        self._task = asyncio.get_running_loop().create_task(self._load())

    async def _load(self) -> None:
        self._ready = False
        self._watchdog.loading()
        try:
            fresh = await self._fetch_url()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the API client's errors carry a message for the agent
            log.warning("webphone URL fetch failed: %s", exc)
            self._relay.reinstate()  # no new page replaces the one in place
            self._fail(
                QCoreApplication.translate(
                    "Webphone", "could not get the webphone URL: %1"
                ).replace("%1", str(exc))
            )
            return
        problem = webphone_url_problem(fresh.url)
        if problem is None and fresh.is_expired():
            problem = QCoreApplication.translate(
                "Webphone", "the webphone URL arrived already expired (check the computer's clock)"
            )
        if problem is not None:
            self._relay.reinstate()
            self._fail(problem)
            return
        origin = origin_of(fresh.url)
        self._relay.configure(RelayConfig(fresh.url, origin, self._hidden, self._show_frame))
        self._handler.set_webphone(origin, hidden=self._hidden)
        self._page.set_webphone_origin(origin)
        self._loading_host = True
        self._page.load(host_page_url())

    def close(self) -> None:
        """Stop the watchdog and any load, then release the page before its profile."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        if self._task is not None:
            self._task.cancel()
        self._page.loadingChanged.disconnect(self._on_loading)
        self._page.renderProcessTerminated.disconnect(self._on_render_terminated)
        if shiboken6.isValid(self._view) and self._view.parent() is None:
            shiboken6.delete(self._view)
        shiboken6.delete(self._page)
        shiboken6.delete(self._profile)

    # --- commands --------------------------------------------------------------------

    def _send(self, command: Command, **fields: object) -> None:
        message = build_command(command, number_format=self._number_format, **fields)
        if not self._ready:
            raise WebphoneUnavailable(
                QCoreApplication.translate("Webphone", "the webphone is not ready yet")
            )
        self._relay.send(message)

    def conectar(self) -> None:
        """Connect the ramal."""
        self._send(Command.CONECTAR)
        self._wanted = True
        self._watchdog.agent_wants_connection(True)

    def desconectar(self) -> None:
        """Disconnect the ramal (the watchdog leaves it disconnected)."""
        self._send(Command.DESCONECTAR)
        self._wanted = False
        self._watchdog.agent_wants_connection(False)

    def chama_numero(self, numero: str) -> None:
        """Dial a number or ramal, sent in :attr:`number_format` (invalid raises ProtocolError)."""
        self._send(Command.CHAMA_NUMERO, numero=numero)

    def atender(self) -> None:
        """Answer the ringing call."""
        self._send(Command.ANSWER)

    def desligar(self) -> None:
        """Hang up the active call."""
        self._send(Command.HANGUP)

    def enviar_dtmf(self, digitos: str) -> None:
        """Send DTMF digits (0-9, * and # only)."""
        self._send(Command.ENVIA_DTMF, dtmf=digitos)

    def mute(self) -> None:
        """Toggle the microphone's mute."""
        self._send(Command.MUTE)

    def transferir(self, numero: str) -> None:
        """Blind transfer to ``numero``."""
        self._send(Command.TRANSFERIR, numeroTelefone=numero)

    def transferir_consulta(self, numero: str) -> None:
        """Attended transfer to ``numero``."""
        self._send(Command.TRANSFERIR_CONSULTA, numeroTelefone=numero)

    def gravacao_iniciar(self) -> None:
        """Start a partial recording (``recStart``)."""
        self._send(Command.REC_START)

    def gravacao_parar(self) -> None:
        """Stop the partial recording (``recStop``)."""
        self._send(Command.REC_STOP)

    def pausar_na_fila(self, fila_id: str | int | None = None) -> None:
        """Pause in queue ``fila_id``, or in every queue when None."""
        self._send(Command.PAUSAR_NA_FILA, filaId=fila_id)

    def despausar_na_fila(self, fila_id: str | int | None = None) -> None:
        """Unpause in queue ``fila_id``, or in every queue when None."""
        self._send(Command.DESPAUSAR_NA_FILA, filaId=fila_id)

    def entrar_na_fila(self, fila_id: str | int) -> None:
        """Join queue ``fila_id``."""
        self._send(Command.ENTRAR_NA_FILA, filaId=fila_id)

    def sair_da_fila(self, fila_id: str | int) -> None:
        """Leave queue ``fila_id``."""
        self._send(Command.SAIR_DA_FILA, filaId=fila_id)

    # --- events from the page --------------------------------------------------------

    def _on_event(self, event: ParsedEvent) -> None:
        self._ready = True
        self._watchdog.observe(event)
        fields = event.fields
        kind = event.event
        if kind is Event.STATUS and fields["status"] == "conectado" and not self._wanted:
            self._relay.send(build_command(Command.DESCONECTAR))  # reloaded pages auto-connect
        self.received.emit(event)
        if kind is Event.CHEGANDO_CHAMADA:
            self.chegandoChamada.emit(
                fields["numeroChegando"],
                fields.get("numeroDestino", ""),
                fields.get("chamadaRecebidaId", ""),
            )
        elif kind is Event.STATUS:
            self.status.emit(fields["status"])
        elif kind is Event.CHAMADA_ID:
            self.chamada_id.emit(fields["chamada_id"])
        elif kind is Event.STATUS_ERRO:
            self.status_erro.emit(fields["status_erro"])
        elif kind is Event.STATS_WEBPHONE:
            self.stats_webphone.emit(fields.get("internet", ""), fields.get("computador", ""))
        else:
            queue_signal = {
                Event.ENTROU_NA_FILA: self.entrou_na_fila,
                Event.SAIU_DA_FILA: self.saiu_da_fila,
                Event.PAUSOU_NA_FILA: self.pausou_na_fila,
                Event.DESPAUSOU_NA_FILA: self.despausou_na_fila,
            }.get(kind)
            if queue_signal is not None:
                queue_signal.emit(fields.get("filaId", ""))

    def _on_dropped(self, reason: str, count: int) -> None:
        self._drop_log.add(reason, count)
        self.dropped.emit(reason, count)

    def _on_frame_state(self, state: str) -> None:
        if state == "loaded":
            self._ready = True
            self.frame_loaded.emit()
        else:
            self._fail(
                QCoreApplication.translate("Webphone", "the webphone script did not load")
                if state == "script-error"
                else QCoreApplication.translate(
                    "Webphone", "the webphone script did not create the webphone"
                )
            )

    def _on_loading(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        failed = status is QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus
        if not (status is QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus or failed):
            return  # started, or stopped before it replaced anything (blocked, superseded)
        if failed and not info.isErrorPage():
            return  # failed before it replaced anything
        # A document (or an error page) now fills the main frame.
        own = self._loading_host and info.url() == host_page_url()
        self._loading_host = False
        if not own:
            self._on_page_replaced(info.url())
        elif failed:
            detail = info.errorString() or QCoreApplication.translate("Webphone", "error")
            self._fail(
                QCoreApplication.translate(
                    "Webphone", "the webphone page did not load: %1"
                ).replace("%1", detail)
            )

    def _on_page_replaced(self, url: QUrl) -> None:
        """Something the app did not load took the main frame: the webphone in it is gone.

        The host page comes back at once, call or not: no end-of-call status can come from
        a page that no longer exists.
        """
        log.warning(
            "the host page was replaced by %s; loading the webphone again",
            origin_of(url) or url.scheme() or "?",
        )
        reason = QCoreApplication.translate(
            "Webphone", "the webphone page was replaced and is being loaded again"
        )
        self._ready = False
        self.failed.emit(reason)
        self._watchdog.failed(reason, call_lost=True)
        self.reload()

    def _on_render_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, exit_code: int
    ) -> None:
        sentence = _TERMINATION.get(status)
        if sentence is None:
            return
        self._ready = False
        reason = QCoreApplication.translate("Webphone", str(sentence)).replace("%1", str(exit_code))
        log.warning("%s", reason)
        self.failed.emit(reason)
        self._watchdog.failed(reason, call_lost=True)

    def _on_recover(self, reason: str) -> None:
        log.info("reloading the webphone with a fresh URL: %s", reason)
        self.reload()

    def _fail(self, reason: str) -> None:
        self._ready = False
        self.failed.emit(reason)
        self._watchdog.failed(reason)
