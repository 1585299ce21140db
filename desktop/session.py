"""The running session: which API the app talks to, with which client (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxServer
from desktop.settings.model import Environment, Profile, Role

#: The profile used by ``--sandbox`` and "Try the sandbox": every role, ramal 4000.
SANDBOX_PROFILE = Profile(
    id="sandbox",
    name="Sandbox",
    environment=Environment.SANDBOX,
    ramal="4000",
    roles=frozenset(Role),
)


@dataclass(slots=True)
class Session:
    """An API client plus, in sandbox mode, the embedded server it talks to."""

    client: TotalVoiceClient
    hosts: ApiHosts
    sandbox: SandboxServer | None = None

    @property
    def is_sandbox(self) -> bool:
        """True when the app talks to the embedded sandbox."""
        return self.sandbox is not None

    @property
    def base_url(self) -> str:
        """Base URL of the v1 host, shown to the user as "where we are connected"."""
        return self.hosts.v1

    async def close(self) -> None:
        """Close the HTTP client, then stop the embedded sandbox."""
        await self.client.aclose()
        if self.sandbox is not None:
            await self.sandbox.stop()


async def open_profile_session(
    profile: Profile, token: str | None, *, seed: int | None = None, traffic: bool = True
) -> Session:
    """The session for ``profile``: the embedded sandbox, or its hosts with ``token``.

    The embedded sandbox starts with its simulated call-centre traffic unless ``traffic``
    is False, so a first look at the app shows it alive.
    """
    if profile.environment is Environment.SANDBOX:
        server = SandboxServer(host="127.0.0.1", port=0, seed=seed)
        sandbox_hosts = ApiHosts.single(await server.start())
        if profile.ramal:  # the traffic never takes the user's own ramal, page open or not
            server.traffic.agents.add(profile.ramal)
        if traffic:
            server.traffic.start()
        client = TotalVoiceClient(server.token, ApiConfig(hosts=sandbox_hosts))
        return Session(client=client, hosts=sandbox_hosts, sandbox=server)
    hosts = profile.api_hosts()
    if hosts is None or token is None:
        raise ValueError("this profile needs its token")
    return Session(client=TotalVoiceClient(token, ApiConfig(hosts=hosts)), hosts=hosts)
