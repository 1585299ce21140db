"""The webphone page's call actions act on the call the page names, never on the next one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest

from desktop.sandbox import SandboxThread

_CONFIG = re.compile(r'id="webphone-config">(.*?)</script>', re.S)


@pytest.fixture
def page(api: httpx.Client, sandbox: SandboxThread) -> Iterator[httpx.Client]:
    """The actions of one connected page of ramal 4000, as its script posts them."""
    url = api.get("/webphone", params={"ramal": "4000", "tipo": "embedded"}).json()["dados"]["url"]
    found = _CONFIG.search(httpx.get(url).text)
    assert found is not None
    session = json.loads(found.group(1))["session"]
    with httpx.Client(
        base_url=sandbox.base_url + "/w3/api", params={"session": session}, timeout=10
    ) as client:
        assert client.post("/connect", json={}).json() == {"ok": True}
        yield client


def _ring(control: httpx.Client, numero: str) -> int:
    rung = control.post("/ring", json={"ramal": "4000", "numero": numero}).json()
    assert rung["entregue"] is True
    call_id: int = rung["chamada_id"]
    return call_id


def _page_call(control: httpx.Client) -> object:
    (webphone,) = control.get("/webphones").json()
    return webphone["chamada_id"]


def test_an_answer_for_a_call_the_caller_gave_up_leaves_the_next_one_ringing(
    page: httpx.Client, control: httpx.Client
) -> None:
    first = _ring(control, "48999990001")
    control.post(f"/calls/{first}/hangup")  # the caller gives up as the agent answers
    second = _ring(control, "48999990002")

    late = page.post("/answer", json={"chamada_id": first}).json()
    assert late["ok"] is False
    assert _page_call(control) == second

    # Told of the second call, the page answers it.
    assert page.post("/answer", json={"chamada_id": second}).json() == {
        "ok": True,
        "chamada_id": second,
    }


def test_a_hang_up_for_a_call_already_over_does_not_refuse_the_next_one(
    page: httpx.Client, control: httpx.Client, api: httpx.Client
) -> None:
    first = _ring(control, "48999990001")
    control.post(f"/calls/{first}/hangup")
    second = _ring(control, "48999990002")

    page.post("/hangup", json={"chamada_id": first})
    assert _page_call(control) == second
    assert api.get(f"/chamada/{second}").json()["dados"]["ativa"] is True
    for action, body in (("dtmf", {"dtmf": "1"}), ("mute", {"muted": True})):
        refused = page.post(f"/{action}", json={"chamada_id": first, **body}).json()
        assert refused["ok"] is False, action

    assert page.post("/hangup", json={"chamada_id": second}).json()["ok"] is True
    assert _page_call(control) is None
