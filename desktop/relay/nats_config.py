"""A nats-server configuration with users and permissions (``--print-nats-config``).

* the relay alone publishes the account's subjects and writes the board bucket;
* a supervisor subscribes to every subject of its account and reads the bucket;
* an agent subscribes to its own ramal's subjects only;
* requests (``pedido.<conta>.…``, outside the stream): an agent may send them only for its
  own ramal and hears replies only on its own inbox prefix; a supervisor sends the
  supervisor requests; the relay alone subscribes to them and answers;
* passwords are environment variables read by nats-server (``$NAME``), never in the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.relay_names import AccountNames, agent_inbox

__all__ = ["NatsConfigOptions", "agent_password_env", "render_nats_config"]


@dataclass(frozen=True, slots=True)
class NatsConfigOptions:
    """What the configuration covers."""

    conta: str
    agent_ramais: Sequence[str] = ()
    port: int = 4222
    store_dir: str = "/var/lib/ramal-relay/nats"
    tls_cert: str | None = None
    tls_key: str | None = None


def agent_password_env(ramal: str) -> str:
    """The environment variable holding the password of ramal ``ramal``'s agent user."""
    return f"RAMAL_NATS_AGENT_{ramal}_PASSWORD"


def _list(items: Sequence[str]) -> str:
    return json.dumps(list(items))


def _js_read(names: AccountNames) -> list[str]:
    kv_stream = f"KV_{names.bucket}"
    return [
        f"$JS.API.STREAM.INFO.{kv_stream}",
        f"$JS.API.DIRECT.GET.{kv_stream}.>",
        f"$JS.API.STREAM.MSG.GET.{kv_stream}",
        f"$JS.API.CONSUMER.CREATE.{kv_stream}.>",
        f"$JS.API.CONSUMER.CREATE.{kv_stream}",
        f"$JS.API.STREAM.INFO.{names.stream}",
        f"$JS.API.CONSUMER.CREATE.{names.stream}.>",
        f"$JS.API.CONSUMER.CREATE.{names.stream}",
        f"$JS.API.CONSUMER.INFO.{names.stream}.>",
        f"$JS.ACK.{names.stream}.>",
        f"$JS.FC.{names.stream}.>",
        "$JS.API.INFO",
    ]


def render_nats_config(options: NatsConfigOptions) -> str:
    """The configuration text."""
    names = AccountNames(options.conta)
    base = f"ramal.{options.conta}"
    relay_pub = [f"{base}.>", "$JS.API.>", f"$KV.{names.bucket}.>", "_INBOX.>"]
    supervisor_pub = _js_read(names)
    users = [
        "    {user: relay, password: $RAMAL_NATS_RELAY_PASSWORD, permissions: {"
        f"publish: {_list(relay_pub)}, "
        f"subscribe: {_list(['_INBOX.>', f'{base}.>', names.requests])}}}}}",
        "    {user: supervisor, password: $RAMAL_NATS_SUPERVISOR_PASSWORD, permissions: {"
        f"publish: {_list([*supervisor_pub, names.supervisor_requests])}, "
        f"subscribe: {_list([f'{base}.>', f'$KV.{names.bucket}.>', '_INBOX.>'])}}}}}",
    ]
    for ramal in options.agent_ramais:
        user = f"agent_{ramal}"
        own = [
            names.ramal(ramal),
            names.voicemail(ramal),
            names.support(ramal),
            f"{agent_inbox(user)}.>",
        ]
        users.append(
            f"    {{user: {user}, password: ${agent_password_env(ramal)}, permissions: {{"
            f"publish: {_list([names.agent_requests(ramal)])}, subscribe: {_list(own)}}}}}"
        )
    lines = [
        "# ramal-relay: nats-server configuration (passwords come from the environment)",
        f"port: {options.port}",
        f'jetstream {{ store_dir: "{options.store_dir}" }}',
        "authorization {",
        "  users: [",
        *users,
        "  ]",
        "}",
    ]
    if options.tls_cert and options.tls_key:
        lines += [
            "tls {",
            f'  cert_file: "{options.tls_cert}"',
            f'  key_file: "{options.tls_key}"',
            "}",
        ]
    return "\n".join(lines) + "\n"
