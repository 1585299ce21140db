from __future__ import annotations

import pytest

from desktop import __version__
from desktop.api import ApiConfig, ApiHosts, Host, ValidationError


def test_documented_defaults() -> None:
    hosts = ApiHosts()
    assert hosts.v1 == "https://api.totalvoice.com.br"
    assert hosts.ramal == "https://api2.totalvoice.com.br"
    assert hosts.voice == "https://voice-api.zenvia.com"
    config = ApiConfig()
    assert config.user_agent == f"RamalDesktop/{__version__} (+python-httpx)"
    assert config.max_retries >= 1 and config.timeout > config.connect_timeout > 0


def test_single_points_every_host_at_one_base() -> None:
    hosts = ApiHosts.single("http://127.0.0.1:8765/")
    assert hosts.v1 == hosts.ramal == hosts.voice == "http://127.0.0.1:8765"
    assert hosts.base_for(Host.RAMAL) == "http://127.0.0.1:8765"
    assert hosts.origins() == frozenset({("http", "127.0.0.1", 8765)})


def test_trailing_slashes_and_path_prefixes() -> None:
    hosts = ApiHosts(v1="HTTPS://Api.Example.com/base//", ramal="https://r.example.com")
    assert hosts.v1 == "https://Api.Example.com/base"
    assert ("https", "api.example.com", 443) in hosts.origins()


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "api.totalvoice.com.br",
        "ftp://x.com",
        "https://",
        "https://x.com?a=1",
        "https://x.com/#f",
        "https://user:pw@x.com",
        "http://x.com:99999",
        "javascript:alert(1)",
    ],
)
def test_invalid_base_urls_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        ApiHosts.single(bad)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": 0},
        {"connect_timeout": -1},
        {"max_retries": -1},
        {"backoff_base": float("nan")},
        {"user_agent": " "},
    ],
)
def test_invalid_numbers_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ApiConfig(**kwargs)  # type: ignore[arg-type]


def test_config_is_frozen() -> None:
    config = ApiConfig()
    with pytest.raises(AttributeError):
        config.timeout = 1  # type: ignore[misc]


def test_configs_are_values() -> None:
    import copy
    import pickle

    hosts = ApiHosts.single("http://127.0.0.1:8080/")
    config = ApiConfig(hosts=hosts, timeout=5.0)
    same = ApiConfig(hosts=ApiHosts.single("http://127.0.0.1:8080"), timeout=5.0)
    assert config == same and hash(config) == hash(same)
    assert config != ApiConfig(hosts=hosts) and config != (hosts, 5.0)
    assert {config: 1}[same] == 1
    assert copy.deepcopy(config) == config
    assert pickle.loads(pickle.dumps(config)) == config
    assert repr(hosts) == (
        "ApiHosts(v1='http://127.0.0.1:8080', ramal='http://127.0.0.1:8080', "
        "voice='http://127.0.0.1:8080')"
    )
    with pytest.raises(AttributeError):
        del config.hosts


def test_replace_makes_a_checked_copy() -> None:
    config = ApiConfig()
    fewer = config.replace(max_retries=0)
    assert fewer.max_retries == 0 and config.max_retries == 3
    assert fewer.replace(max_retries=3) == config
    assert config.hosts.replace(voice="http://voice.test/").voice == "http://voice.test"
    with pytest.raises(ValidationError):
        config.replace(timeout=0)
    with pytest.raises(ValidationError):
        config.hosts.replace(v1="ftp://nope")
