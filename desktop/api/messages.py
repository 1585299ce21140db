"""User-facing words for every failure the API client can report (pt_BR and en).

Plain tables so the Qt layer can wrap them without this package importing Qt. Integer
codes are the provider's ``motivo`` values (0–100) or HTTP statuses (≥ 400): the two
ranges do not overlap, so one :func:`describe` serves both. String codes name client-side
conditions (``network.dns``, ``format.html``, ``validation.nota`` …).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

__all__ = [
    "DEFAULT_LANG",
    "HTTP_STATUS_MESSAGES",
    "MOTIVO_MESSAGES",
    "TEXT_MESSAGES",
    "Lang",
    "describe",
    "normalize_lang",
]

Lang = Literal["pt_BR", "en"]
DEFAULT_LANG: Final[Lang] = "pt_BR"

# (pt_BR, en)
MOTIVO_MESSAGES: Final[Mapping[int, tuple[str, str]]] = {
    0: ("Operação realizada com sucesso.", "Done."),
    8: (
        "Sua conta não tem permissão para esta operação.",
        "Your account is not allowed to do this.",
    ),
    9: (
        "Saldo insuficiente. Recarregue a conta para continuar.",
        "Not enough balance. Top up the account to continue.",
    ),
    10: ("Faltam dados obrigatórios no pedido.", "Required information is missing."),
    11: ("Um dos dados enviados é inválido.", "One of the values sent is invalid."),
    20: ("Já existe um registro com esses dados.", "A record with these details already exists."),
    30: (
        "O provedor ainda não oferece esta função.",
        "The provider does not offer this function yet.",
    ),
    40: (
        "Token de acesso inválido. Confira o token da sua conta.",
        "Invalid access token. Check your account token.",
    ),
    50: (
        "Erro interno no provedor. Tente novamente em instantes.",
        "The provider had an internal error. Try again shortly.",
    ),
    60: ("Registro não encontrado.", "Record not found."),
    70: ("Esta chamada não tem gravação.", "This call has no recording."),
    80: ("A chamada não está mais ativa.", "The call is no longer active."),
    90: ("Endereço da API não encontrado.", "API path not found."),
    100: ("Pedido inválido.", "Invalid request."),
}

HTTP_STATUS_MESSAGES: Final[Mapping[int, tuple[str, str]]] = {
    400: ("Pedido inválido (HTTP 400).", "Invalid request (HTTP 400)."),
    401: ("Acesso não autorizado: confira o token.", "Not authorised: check the token."),
    402: (
        "Saldo insuficiente. Recarregue a conta para continuar.",
        "Not enough balance. Top up the account to continue.",
    ),
    403: (
        "Acesso negado: token inválido ou sem permissão.",
        "Access denied: invalid token or no permission.",
    ),
    404: ("Não encontrado (HTTP 404).", "Not found (HTTP 404)."),
    405: ("Operação não permitida neste endereço.", "Operation not allowed at this address."),
    408: ("O servidor demorou demais para responder.", "The server took too long to answer."),
    429: (
        "O provedor está limitando as requisições por segundo. Tente de novo em instantes.",
        "The provider is limiting requests per second. Try again in a moment.",
    ),
    500: (
        "Erro interno no provedor. Tente novamente em instantes.",
        "The provider had an internal error. Try again shortly.",
    ),
    501: ("O provedor não implementa esta função.", "The provider does not implement this."),
    502: ("Serviço temporariamente indisponível.", "Service temporarily unavailable."),
    503: ("Serviço temporariamente indisponível.", "Service temporarily unavailable."),
    504: ("O serviço demorou demais para responder.", "The service took too long to answer."),
}

TEXT_MESSAGES: Final[Mapping[str, tuple[str, str]]] = {
    "api.unexpected": ("Erro inesperado: {detail}.", "Unexpected error: {detail}."),
    "api.server_said": ("Resposta do servidor: “{mensagem}”.", "Server said: “{mensagem}”."),
    "api.rate_limited_retry": (
        "O provedor está limitando as requisições; nova tentativa em {seconds} s.",
        "The provider is limiting requests; trying again in {seconds} s.",
    ),
    "api.retrying": (
        "{reason} Nova tentativa em {seconds} s.",
        "{reason} Trying again in {seconds} s.",
    ),
    # network
    "network.dns": (
        "Não foi possível encontrar o servidor {host}. Verifique a internet ou o endereço.",
        "Could not find the server {host}. Check the internet connection or the address.",
    ),
    "network.refused": (
        "O servidor {host} recusou a conexão.",
        "The server {host} refused the connection.",
    ),
    "network.connect_timeout": (
        "Tempo esgotado ao conectar a {host}. Verifique a internet.",
        "Timed out connecting to {host}. Check the internet connection.",
    ),
    "network.timeout": (
        "O servidor {host} demorou demais para responder.",
        "The server {host} took too long to answer.",
    ),
    "network.connection": (
        "A conexão com {host} falhou ou caiu. Verifique a internet.",
        "The connection to {host} failed or dropped. Check the internet connection.",
    ),
    "network.redirects": (
        "O servidor {host} redirecionou vezes demais.",
        "The server {host} redirected too many times.",
    ),
    # response format
    "format.empty": (
        "O servidor respondeu sem conteúdo{status_text}.",
        "The server sent an empty answer{status_text}.",
    ),
    "format.html": (
        "O servidor respondeu com uma página em vez de dados{status_text}.",
        "The server answered with a web page instead of data{status_text}.",
    ),
    "format.invalid_json": (
        "O servidor respondeu com dados ilegíveis{status_text}.",
        "The server sent unreadable data{status_text}.",
    ),
    "format.envelope": (
        "Resposta do servidor fora do formato esperado{status_text}.",
        "The server's answer is not in the expected format{status_text}.",
    ),
    "format.shape": (
        "Dados inesperados na resposta: {detail}.",
        "Unexpected data in the answer: {detail}.",
    ),
    # downloads
    "download.truncated": (
        "O download foi interrompido ({done} de {expected} bytes). Tente de novo para continuar.",
        "The download was cut short ({done} of {expected} bytes). Try again to resume.",
    ),
    "download.interrupted": (
        "A conexão caiu durante o download. Tente de novo para continuar.",
        "The connection dropped during the download. Try again to resume.",
    ),
    "download.disk_full": (
        "Disco cheio: não foi possível salvar {path}.",
        "Disk full: could not save {path}.",
    ),
    "download.permission": (
        "Sem permissão para gravar em {path}.",
        "No permission to write {path}.",
    ),
    "download.io": (
        "Erro ao gravar {path}: {detail}.",
        "Error writing {path}: {detail}.",
    ),
    "download.range": (
        "O servidor respondeu a retomada do download de forma inconsistente.",
        "The server answered the resumed download inconsistently.",
    ),
    "download.incomplete": (
        "A gravação chegou incompleta: o arquivo de áudio termina no meio. Tente de novo.",
        "The recording arrived incomplete: the audio file ends part-way. Try again.",
    ),
    "download.not_audio": (
        "O servidor não enviou um arquivo de áudio.",
        "The server did not send an audio file.",
    ),
    # client-side validation
    "config.base_url": (
        "Endereço inválido para {field}: {value!r}. Use http:// ou https://.",
        "Invalid address for {field}: {value!r}. Use http:// or https://.",
    ),
    "config.value": (
        "Valor inválido para {field}: {value}.",
        "Invalid value for {field}: {value}.",
    ),
    "validation.token": ("Informe o token de acesso.", "Enter the access token."),
    "validation.phone": (
        "Número inválido em {field}: {detail}",
        "Invalid number in {field}: {value!r}.",
    ),
    "validation.id": ("Identificador inválido: {value!r}.", "Invalid identifier: {value!r}."),
    "validation.nota": ("A nota deve ser de 1 a 5.", "The rating must be from 1 to 5."),
    "validation.comentario": (
        "O comentário pode ter no máximo {max} caracteres.",
        "The comment can have at most {max} characters.",
    ),
    "validation.modo": (
        "Modo de escuta inválido: use 1 (escuta), 2 (sussurro) ou 3 (conferência).",
        "Invalid listen mode: use 1 (listen), 2 (whisper) or 3 (conference).",
    ),
    "validation.perna": (
        "Perna inválida: use origem ou destino.",
        "Invalid leg: use origem or destino.",
    ),
    "validation.date_range": (
        "A data inicial deve ser anterior ou igual à data final.",
        "The start date must not be after the end date.",
    ),
    "validation.date": ("Data inválida em {field}.", "Invalid date in {field}."),
    "validation.paging": (
        "Paginação inválida: posição ≥ 0 e limite de 1 a {max}.",
        "Invalid paging: position ≥ 0 and limit from 1 to {max}.",
    ),
    "validation.email": (
        "O login deve ser um e-mail válido.",
        "The login must be a valid e-mail address.",
    ),
    "validation.ramal": (
        "O número do ramal deve ter só dígitos (até {max}).",
        "The extension number must be digits only (up to {max}).",
    ),
    "validation.text": (
        "Valor inválido em {field}.",
        "Invalid value in {field}.",
    ),
    "validation.url": (
        "Endereço inválido em {field}: use http:// ou https://.",
        "Invalid address in {field}: use http:// or https://.",
    ),
    "validation.webphone_target": (
        "Informe o ramal ou o id do ramal (apenas um dos dois).",
        "Give the extension number or the extension id (only one of them).",
    ),
    "validation.webphone_tipo": (
        "Tipo de webphone inválido: use floating, embedded ou hidden.",
        "Invalid webphone type: use floating, embedded or hidden.",
    ),
}

_UNKNOWN: Final = (
    "Erro inesperado (código {code}).",
    "Unexpected error (code {code}).",
)
_OTHER_4XX: Final = (
    "O servidor recusou o pedido (HTTP {code}).",
    "The server refused the request (HTTP {code}).",
)
_OTHER_5XX: Final = (
    "O servidor falhou (HTTP {code}). Tente novamente em instantes.",
    "The server failed (HTTP {code}). Try again shortly.",
)


def normalize_lang(lang: str | None) -> Lang:
    """Map ``pt``, ``pt-BR``, ``en_US`` … to a supported language; default pt_BR."""
    if lang and lang.replace("-", "_").lower().split("_")[0] == "en":
        return "en"
    return DEFAULT_LANG


class _KeepMissing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def describe(code: int | str, lang: str | None = DEFAULT_LANG, **params: object) -> str:
    """Return the message for a motivo code, HTTP status or client-side condition."""
    pair: tuple[str, str] | None
    if isinstance(code, int):
        pair = MOTIVO_MESSAGES.get(code) or HTTP_STATUS_MESSAGES.get(code)
        if pair is None:
            pair = _OTHER_5XX if code >= 500 else _OTHER_4XX if code >= 400 else _UNKNOWN
            params = {**params, "code": code}
    else:
        pair = TEXT_MESSAGES.get(code)
        if pair is None:
            pair = _UNKNOWN
            params = {**params, "code": code}
    template = pair[1] if normalize_lang(lang) == "en" else pair[0]
    try:
        return template.format_map(_KeepMissing(params))
    except (ValueError, IndexError, AttributeError):
        return template
