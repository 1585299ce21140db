from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from desktop.shell.screen_pop import ScreenPopError, build_screen_pop_url, open_screen_pop

TEMPLATE = "https://crm.example/search?phone={numero}"


def test_number_is_url_encoded() -> None:
    assert build_screen_pop_url(TEMPLATE, "+5548999999999") == (
        "https://crm.example/search?phone=%2B5548999999999"
    )
    assert build_screen_pop_url(TEMPLATE, "48 9999&x=1#f") == (
        "https://crm.example/search?phone=48%209999%26x%3D1%23f"
    )
    assert build_screen_pop_url(
        "https://crm.example/c/{chamada_id}?r={ramal}", "1", "77", "4000"
    ) == ("https://crm.example/c/77?r=4000")


def test_empty_or_bad_templates() -> None:
    assert build_screen_pop_url("  ", "+55") is None
    for bad in (
        "javascript:alert({numero})",
        "file:///etc/{numero}",
        "https://x/{nome}",
        "{numero}",
    ):
        with pytest.raises(ScreenPopError):
            build_screen_pop_url(bad, "+55")


def test_open_uses_the_default_browser(qapp: object) -> None:
    opened: list[QUrl] = []

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    assert open_screen_pop(TEMPLATE, "+5548999999999", opener=opener)
    assert opened[0].toString(QUrl.ComponentFormattingOption.FullyEncoded) == (
        "https://crm.example/search?phone=%2B5548999999999"
    )
    assert not open_screen_pop("", "+55", opener=opener)
    assert not open_screen_pop("ftp://x/{numero}", "+55", opener=opener)
    assert len(opened) == 1
