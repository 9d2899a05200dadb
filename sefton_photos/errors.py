"""Domain exceptions, each carrying a message a person can read.

The UI shows ``str(error)`` in a dialog and the CLI prints it and exits 1; neither
ever shows a traceback.  Refusals that come from a policy decision carry that
decision so the rule and clause travel with the message (R14, policy 13.1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sefton_photos.decisions import Decision


class SeftonError(Exception):
    """Base of every error the core raises on purpose; ``str()`` is user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(SeftonError):
    """The request itself is malformed: an empty name, an unknown role, a bad date."""


class NotFound(SeftonError):
    """An id or name that does not exist (or that this user may not know exists)."""


class AuthenticationFailed(SeftonError):
    """Wrong user name or password.  Deliberately does not say which."""


class TooManyAttempts(AuthenticationFailed):
    """Sign-in is slowed after repeated wrong passwords."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class VaultError(SeftonError):
    """The vault folder cannot be used as it is."""


class VaultMissing(VaultError):
    """There is no vault at the given folder."""


class VaultExists(VaultError):
    """``init`` was asked to create a vault where one already is."""


class VaultTooNew(VaultError):
    """The vault was written by a newer Sefton Photos than this one."""


class VaultTampered(VaultError):
    """A file of the vault failed its integrity check: changed outside the app."""


class VaultBusy(VaultError):
    """Another process holds the vault open."""


class VaultLocked(SeftonError):
    """The session was locked (idle time-out or by hand) and must be unlocked again."""


class PolicyRefusal(SeftonError):
    """A policy decision refused the action; the message names the rules and clauses."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.explain())
        self.decision = decision
