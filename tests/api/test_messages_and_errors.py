from __future__ import annotations

import pytest

from desktop.api import (
    ApiError,
    DownloadError,
    DownloadErrorKind,
    FormatErrorKind,
    NetworkError,
    NetworkErrorKind,
    RamalApiError,
    ResponseFormatError,
    ValidationError,
    describe,
)
from desktop.api.messages import (
    HTTP_STATUS_MESSAGES,
    MOTIVO_MESSAGES,
    TEXT_MESSAGES,
    normalize_lang,
)

DOCUMENTED_MOTIVOS = (0, 8, 9, 10, 11, 20, 30, 40, 50, 60, 70, 80, 90, 100)
DOCUMENTED_STATUSES = (400, 402, 403, 404, 405, 429, 500, 501)


@pytest.mark.parametrize("code", DOCUMENTED_MOTIVOS + DOCUMENTED_STATUSES)
def test_every_documented_code_has_words_in_both_languages(code: int) -> None:
    pt = describe(code)
    en = describe(code, "en")
    assert pt and en and pt != en
    assert "{" not in pt and "{" not in en


def test_specific_messages() -> None:
    assert "saldo" in describe(9).lower()
    assert "token" in describe(40).lower()
    assert "gravação" in describe(70)
    assert "recording" in describe(70, "en_US")
    assert "por segundo" in describe(429)
    assert describe(402) == describe(9)


def test_unknown_codes_fall_back_to_generic_words() -> None:
    assert "418" in describe(418) and "HTTP" in describe(418, "en")
    assert "599" in describe(599)
    assert "77" in describe(77)
    assert "nada.disso" in describe("nada.disso")


def test_language_normalisation() -> None:
    assert normalize_lang("en") == normalize_lang("en-US") == normalize_lang("EN_gb") == "en"
    assert normalize_lang("pt") == normalize_lang(None) == normalize_lang("fr") == "pt_BR"


def test_tables_are_complete_pairs() -> None:
    for table in (MOTIVO_MESSAGES, HTTP_STATUS_MESSAGES, TEXT_MESSAGES):
        for pair in table.values():
            assert len(pair) == 2 and all(pair)


def test_api_error_user_message_uses_motivo_then_status_and_adds_server_words() -> None:
    error = ApiError(403, 40, "Token invalido")
    assert error.is_auth_error and not error.is_rate_limited
    assert describe(40) in error.user_message()
    assert "Token invalido" in error.user_message()
    assert describe(40, "en") in error.user_message("en")
    status_only = ApiError(429, None, "", retry_after=2)
    assert status_only.user_message() == describe(429)
    assert status_only.is_rate_limited and status_only.retry_after == 2
    assert ApiError(404, 60, "").is_not_found
    assert ApiError(403, None, "").is_auth_error


def test_network_and_format_errors_explain_themselves() -> None:
    dns = NetworkError(NetworkErrorKind.DNS, "api.totalvoice.com.br")
    assert "api.totalvoice.com.br" in dns.user_message()
    assert "internet" in dns.user_message("en").lower()
    html = ResponseFormatError(FormatErrorKind.HTML, status=502, excerpt="<html>")
    assert html.user_message() == describe(502)
    bad_json = ResponseFormatError(FormatErrorKind.INVALID_JSON, status=200, excerpt="{oops")
    assert "ilegíveis" in bad_json.user_message()
    assert "{oops" in str(bad_json)


def test_validation_and_download_errors() -> None:
    error = ValidationError("validation.comentario", field="comentario", max=1000)
    assert isinstance(error, ValueError) and isinstance(error, RamalApiError)
    assert "1000" in str(error) and "1000" in error.user_message("en")
    full = DownloadError(DownloadErrorKind.DISK_FULL, "/tmp/a.mp3")
    assert "cheio" in full.user_message().lower()
    cut = DownloadError(DownloadErrorKind.TRUNCATED, "/tmp/a.mp3", done=10, expected=20)
    assert "10" in cut.user_message("en") and "20" in cut.user_message("en")


def test_base_error_has_words_too() -> None:
    assert "boom" in RamalApiError("boom").user_message()
    assert RamalApiError().user_message("en").startswith("Unexpected error")


def test_rate_limit_is_named_whatever_the_motivo() -> None:
    error = ApiError(429, 100, "", retry_after=1)
    assert "Pedido inválido" not in error.user_message()
    assert error.user_message() == (
        "O provedor está limitando as requisições por segundo. Tente de novo em instantes."
    )
    assert "limiting requests" in error.user_message("en")
    assert "moment" in error.user_message("en")


@pytest.mark.parametrize(
    ("status", "motivo", "expected"),
    [
        (402, 100, "Saldo insuficiente"),
        (402, 8, "Saldo insuficiente"),
        (503, 50, "Serviço temporariamente indisponível"),
        (502, 100, "Serviço temporariamente indisponível"),
        (504, 50, "O serviço demorou demais"),
        (404, 100, "Não encontrado"),
        (401, 100, "Acesso não autorizado"),
    ],
)
def test_the_status_wins_over_a_generic_or_unrelated_motivo(
    status: int, motivo: int, expected: str
) -> None:
    assert ApiError(status, motivo, "").user_message().startswith(expected)


@pytest.mark.parametrize(
    ("status", "motivo"), [(404, 70), (403, 40), (400, 11), (400, 9), (500, 60), (200, 100)]
)
def test_a_specific_motivo_still_wins(status: int, motivo: int) -> None:
    assert ApiError(status, motivo, "").user_message() == describe(motivo)
