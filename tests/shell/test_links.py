from __future__ import annotations

import pytest

from desktop.shell.links import (
    DialRequest,
    DialSource,
    LinkError,
    dial_request_from_args,
    parse_phone_link,
)


@pytest.mark.parametrize(
    ("link", "number"),
    [
        ("tel:+55-48-99999-9999;phone-context=example.com", "+5548999999999"),
        ("tel:+55-48-99999-9999", "+5548999999999"),
        ("TEL:(48) 99999-9999", "+5548999999999"),
        ("tel:%2B55%2048%2099999-9999", "+5548999999999"),
        ("tel:4001;phone-context=example.com", "4001"),
        ("tel:99999-9999;phone-context=+55-48", "+5548999999999"),
        ("callto://4001", "4001"),
        ("callto:4001", "4001"),
        ("callto://+5548999999999/", "+5548999999999"),
        ("callto:+5548999999999?call", "+5548999999999"),
        ("tel:0800-123-4567", "08001234567"),
    ],
)
def test_links_give_the_normalised_number(link: str, number: str) -> None:
    assert parse_phone_link(link) == number


@pytest.mark.parametrize(
    "link",
    [
        "tel:",
        "tel:abc",
        "tel:;phone-context=x",
        "callto://",
        "http://example.com/tel:123",
        "javascript:alert(1)",
        "tel:+55 48 9999<script>",
        "tel:" + "9" * 300,
        "tel:%00%01",
    ],
)
def test_garbage_is_rejected(link: str) -> None:
    with pytest.raises(LinkError):
        parse_phone_link(link)


def test_arguments_from_os_handlers_and_the_dial_option() -> None:
    assert dial_request_from_args(["tel:+5548999999999"]) == DialRequest(
        "+5548999999999", DialSource.LINK
    )
    assert dial_request_from_args(["--sandbox", "--dial", "(48) 99999-9999"]) == DialRequest(
        "+5548999999999", DialSource.OPTION
    )
    assert dial_request_from_args(["--dial=4001"]) == DialRequest("4001", DialSource.OPTION)
    assert dial_request_from_args(["--dial", "callto://4002"]) == DialRequest(
        "4002", DialSource.OPTION
    )
    assert dial_request_from_args(["--sandbox"]) is None
    assert dial_request_from_args([]) is None
    with pytest.raises(LinkError):
        dial_request_from_args(["--dial"])
    with pytest.raises(LinkError):
        dial_request_from_args(["--dial", "nope"])
