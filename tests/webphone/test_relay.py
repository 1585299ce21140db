from __future__ import annotations

import json
import logging

import pytest

from desktop.webphone.protocol import COMMANDS, EVENTS, Event, ParsedEvent, event_rules, parse_event
from desktop.webphone.relay import MAX_PAYLOAD, DropLog, Relay, RelayConfig


class Sink:
    def __init__(self) -> None:
        self.events: list[ParsedEvent] = []
        self.drops: list[tuple[str, int]] = []
        self.frames: list[str] = []

    def relay(self) -> Relay:
        return Relay(self.events.append, lambda r, n: self.drops.append((r, n)), self.frames.append)


@pytest.fixture
def sink() -> Sink:
    return Sink()


def configured(sink: Sink) -> Relay:
    relay = sink.relay()
    relay.configure(RelayConfig("https://wp.example/w3/?key=1", "https://wp.example", False))
    return relay


def test_rules_cover_every_event_and_command() -> None:
    rules = event_rules()
    events = rules["events"]
    assert isinstance(events, dict)
    assert set(events) == EVENTS
    assert set(rules["commands"]) == COMMANDS  # type: ignore[arg-type]
    assert events["chegandoChamada"] == {
        "required": ["numeroChegando"],
        "optional": ["numeroDestino", "chamadaRecebidaId"],
    }
    json.dumps(rules)  # the page gets it as JSON


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_rules_agree_with_parse_event(name: str) -> None:
    """A message built from the table's required fields is exactly what parse_event accepts."""
    rule = event_rules()["events"][name]  # type: ignore[index]
    message: dict[str, object] = {"message": name}
    for key in rule["required"]:
        message[key] = "1"
    assert parse_event(message).event is Event(name)
    for key in rule["required"]:
        incomplete = {k: v for k, v in message.items() if k != key}
        with pytest.raises(ValueError):
            parse_event(incomplete)


def test_hello_gives_the_page_its_configuration(sink: Sink) -> None:
    relay = sink.relay()
    assert json.loads(relay.hello())["url"] == ""
    relay.configure(RelayConfig("https://wp.example/w3/?key=1", "https://wp.example", True))
    config = json.loads(relay.hello())
    assert config["url"] == "https://wp.example/w3/?key=1"
    assert config["origin"] == "https://wp.example"
    assert config["style"] == "hidden"
    assert config["showFrame"] is False
    assert config["rules"] == event_rules()


def test_deliver_validates_again(sink: Sink) -> None:
    relay = configured(sink)
    relay.deliver(json.dumps({"message": "status", "status": "conectado"}))
    relay.deliver(json.dumps({"message": "chamada_id", "chamada_id": 77}))
    assert [(e.event, e.fields) for e in sink.events] == [
        (Event.STATUS, {"status": "conectado"}),
        (Event.CHAMADA_ID, {"chamada_id": "77"}),
    ]
    for bad in (
        "not json",
        "[]",
        json.dumps({"message": "status"}),
        json.dumps({"message": "evil", "status": "x"}),
        json.dumps({"message": "status", "status": {"nested": 1}}),
        json.dumps({"message": "status", "status": "x" * 500}),
        "[" * 2000 + "]" * 2000,
    ):
        relay.deliver(bad)
    relay.deliver(json.dumps({"message": "status", "status": "x" * (MAX_PAYLOAD + 1)}))
    assert len(sink.events) == 2
    assert sink.drops == [("invalid", 1)] * 7 + [("too-big", 1)]


def test_deliver_before_configuration_is_dropped(sink: Sink) -> None:
    relay = sink.relay()
    relay.deliver(json.dumps({"message": "status", "status": "conectado"}))
    assert sink.events == []
    assert sink.drops == [("not-ready", 1)]


def test_a_retired_page_is_not_heard_until_the_next_one_says_hello(sink: Sink) -> None:
    relay = configured(sink)
    ringing = json.dumps({"message": "chegandoChamada", "numeroChegando": "4830000000"})
    relay.retire()  # a reload started: the page in place is on its way out
    relay.deliver(ringing)
    relay.frameState("loaded")
    assert sink.events == [] and sink.frames == []
    assert sink.drops == [("old-page", 1)]

    relay.hello()  # the new page
    relay.deliver(json.dumps({"message": "status", "status": "conectado"}))
    assert [e.event for e in sink.events] == [Event.STATUS]

    relay.retire()
    relay.reinstate()  # the new URL failed: the page in place stays the webphone
    relay.deliver(ringing)
    assert [e.event for e in sink.events] == [Event.STATUS, Event.CHEGANDO_CHAMADA]


def test_page_reports_are_sanitised(sink: Sink) -> None:
    relay = configured(sink)
    relay.dropped("origin", 3)
    relay.dropped("<script>alert(1)</script>" * 10, -5)
    relay.dropped("", 10**12)
    assert sink.drops == [("origin", 3), ("scriptalert1scriptscript", 1), ("unknown", 1_000_000)]
    relay.frameState("loaded")
    relay.frameState("whatever")
    relay.frameState("script-error")
    assert sink.frames == ["loaded", "script-error"]


def test_send_posts_json(sink: Sink) -> None:
    relay = configured(sink)
    sent: list[str] = []
    relay.command.connect(sent.append)
    relay.send({"message": "chamaNumero", "numero": "+5548999999999"})
    assert json.loads(sent[0]) == {"message": "chamaNumero", "numero": "+5548999999999"}


def test_drop_log_does_not_flood(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    drops = DropLog(period_s=60, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="desktop.webphone.relay"):
        assert drops.add("origin") is True  # first of its kind: logged
        for _ in range(1000):
            assert drops.add("origin") is False
        assert drops.add("source", 5) is True
        assert drops.add("source") is False
        now[0] = 61.0
        assert drops.add("origin") is True  # one summary line per period
        assert drops.add("origin") is False
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert "origin: 1001" in lines[2] and "source: 5" in lines[2]
