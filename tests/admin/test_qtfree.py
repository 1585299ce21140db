"""Password generator, field validation, CSV parsing and API-error field mapping."""

from __future__ import annotations

from desktop.admin.csv_import import parse_csv, template_csv
from desktop.admin.password import StrengthLevel, estimate_strength, generate_password
from desktop.admin.ramal_fields import ProblemKind, api_error_field, parse_bool_text, validate
from desktop.api import ApiError, NetworkError, NetworkErrorKind


def test_generated_passwords_are_strong_and_distinct() -> None:
    passwords = {generate_password() for _ in range(50)}
    assert len(passwords) == 50
    for pw in passwords:
        assert len(pw) == 14
        assert any(c.isupper() for c in pw) and any(c.islower() for c in pw)
        assert any(c.isdigit() for c in pw)
        assert estimate_strength(pw).level is StrengthLevel.STRONG


def test_strength_levels() -> None:
    assert estimate_strength("").level is StrengthLevel.EMPTY
    assert estimate_strength("123456").level is StrengthLevel.WEAK
    assert estimate_strength("aaaaaaaaaaaaaaaa").level is StrengthLevel.WEAK
    assert estimate_strength("abcdefgh").level is StrengthLevel.WEAK
    assert estimate_strength("Casa2024x").level is StrengthLevel.FAIR
    assert estimate_strength("k7Q-p9z!Lm3#vT").level is StrengthLevel.STRONG


def test_validate_reports_every_bad_field_at_once() -> None:
    checked = validate(
        {"ramal": "40a", "login": "not-an-email", "bina": "12", "ura_id": "x", "webphone": True},
        required=("ramal", "login"),
    )
    assert not checked.ok
    kinds = {p.field: p.kind for p in checked.problems}
    assert kinds == {
        "ramal": ProblemKind.INVALID,
        "login": ProblemKind.INVALID,
        "bina": ProblemKind.INVALID,
        "ura_id": ProblemKind.INTEGER,
    }


def test_validate_builds_body_and_requires_recommended() -> None:
    assert {p.field for p in validate({}, required=("ramal", "login")).problems} == {
        "ramal",
        "login",
    }
    checked = validate(
        {"ramal": " 4100 ", "login": "a@b.com.br", "bina": "(48) 3283-0151", "ura_id": "7",
         "gravar_audio": False, "tags": ""},
    )  # fmt: skip
    assert checked.input is not None
    assert checked.input.to_json() == {
        "ramal": "4100", "login": "a@b.com.br", "bina": "4832830151", "ura_id": 7,
        "gravar_audio": False,
    }  # fmt: skip


def test_bool_words() -> None:
    for word in ("sim", "SIM", "true", "1", "s"):
        assert parse_bool_text(word) is True
    for word in ("não", "nao", "false", "0", "N"):
        assert parse_bool_text(word) is False
    assert parse_bool_text("talvez") is None


def test_api_error_field() -> None:
    assert api_error_field(ApiError(400, 20, "ramal 4000 já existe")) == "ramal"
    assert api_error_field(ApiError(400, 20, "login a@b.com já está em uso")) == "login"
    assert api_error_field(ApiError(400, 11, "parâmetro inválido: ramal (use de 2 a 6 dígitos)"))
    assert api_error_field(ApiError(500, 50, "erro no ramal")) is None
    assert api_error_field(NetworkError(NetworkErrorKind.TIMEOUT, "x")) is None


CSV = (
    "ramal;login;senha;ligacao_externa;webphone;ura_id;tags\n"
    "4100;ana@empresa.com.br;Segura123x;sim;não;;vendas\n"
    "4101;bruno@empresa.com.br;;talvez;1;;\n"
    "4100;carla@empresa.com.br;;0;1;;\n"
    ";;;;;;\n"
    "41x2;sem-arroba;;;;abc;\n"
    "4000;dora@empresa.com.br;;;;;\n"
    "4103;ANA@empresa.com.br;;;;;\n"
    "4104;eva@empresa.com.br;;true;false;3;suporte;extra\n"
)


def test_csv_rows_all_reported() -> None:
    parsed = parse_csv(CSV, existing_ramais=["4000"], existing_logins=[])
    assert not parsed.file_problems
    assert [r.line for r in parsed.rows] == [2, 3, 4, 5, 6, 7, 8, 9]
    ok = [r.line for r in parsed.valid_rows]
    assert ok == [2]
    by_line = {r.line: {(p.field, p.kind) for p in r.problems} for r in parsed.rows}
    assert by_line[3] == {("ligacao_externa", ProblemKind.BOOLEAN)}
    assert by_line[4] == {("ramal", ProblemKind.DUPLICATE_IN_FILE)}
    assert by_line[5] == {(None, ProblemKind.EMPTY_ROW)}
    assert by_line[6] == {
        ("ramal", ProblemKind.INVALID), ("login", ProblemKind.INVALID),
        ("ura_id", ProblemKind.INTEGER),
    }  # fmt: skip
    assert by_line[7] == {("ramal", ProblemKind.EXISTS)}
    assert by_line[8] == {("login", ProblemKind.DUPLICATE_IN_FILE)}
    assert by_line[9] == {(None, ProblemKind.TOO_MANY_CELLS)}
    first = parsed.rows[0].input
    assert first is not None and first.to_json() == {
        "ramal": "4100", "login": "ana@empresa.com.br", "senha": "Segura123x",
        "ligacao_externa": True, "webphone": False, "tags": "vendas",
    }  # fmt: skip


def test_csv_comma_separated_and_unknown_columns() -> None:
    parsed = parse_csv("ramal,login,cor\n4200,z@z.com.br,azul\n")
    assert parsed.file_problems[0].kind is ProblemKind.UNKNOWN_COLUMN
    assert parsed.file_problems[0].value == "cor"
    assert parsed.valid_rows == []
    assert parse_csv("").file_problems[0].kind is ProblemKind.EMPTY_FILE


def test_template_parses_clean() -> None:
    parsed = parse_csv(template_csv())
    assert not parsed.file_problems and len(parsed.valid_rows) == 1
