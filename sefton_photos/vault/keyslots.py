"""``keyslots.json``: who can open the vault, without saying who anyone is.

Per user a slot holds an Argon2id salt and cost, a check value, the user's X25519
public key, their private key wrapped by the password key, and the vault key
sealed to their public key (DESIGN-NOTES.md, "Keys").  A slot is found by a
label, HMAC(lookup salt, normalised name), so no name is in the file in the clear.

The file is canonical JSON: any byte that is not exactly what this module would
write is a tamper.  A MAC under a key derived from the vault key covers all of it
and is checked as soon as the vault key is known.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sefton_photos.errors import AuthenticationFailed, VaultTampered, VaultTooNew
from sefton_photos.vault import crypto
from sefton_photos.vault.files import atomic_write

FORMAT = "sefton-keyslots"
VERSION = 1
VAULT_KEY_LABEL = b"vault-key"


def normalise_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


@dataclass(frozen=True, slots=True)
class Slot:
    label: str
    kdf: crypto.Argon2Params
    salt: bytes
    check: str
    public: bytes
    wrapped_private: bytes
    sealed_vault_key: bytes

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kdf": {"alg": "argon2id", **self.kdf.as_dict(), "salt": _b64(self.salt)},
            "check": self.check,
            "public": _b64(self.public),
            "wrapped_private": _b64(self.wrapped_private),
            "sealed_vault_key": _b64(self.sealed_vault_key),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Slot:
        kdf = d["kdf"]
        if kdf["alg"] != "argon2id":
            raise ValueError("unknown kdf")
        salt = _unb64(kdf["salt"])
        if not crypto.SALT_BYTES[0] <= len(salt) <= crypto.SALT_BYTES[1]:
            raise ValueError(f"an Argon2id salt of {len(salt)} bytes is outside the range")
        return cls(
            label=str(d["label"]),
            kdf=crypto.Argon2Params.from_dict(kdf),
            salt=salt,
            check=str(d["check"]),
            public=_unb64(d["public"]),
            wrapped_private=_unb64(d["wrapped_private"]),
            sealed_vault_key=_unb64(d["sealed_vault_key"]),
        )


@dataclass(frozen=True, slots=True)
class Opened:
    """What a correct password yields: the vault key and the user's key pair."""

    vault_key: bytes
    private: bytes
    public: bytes
    label: str


def _password_keys(password: str, salt: bytes, params: crypto.Argon2Params) -> tuple[bytes, str]:
    kek = crypto.password_key(password, salt, params)
    return crypto.derive(kek, "slot-wrap"), crypto.derive(kek, "slot-check", 16).hex()


@dataclass(slots=True)
class KeySlots:
    """The parsed slot file.  Mutating methods return nothing; call :meth:`save`."""

    lookup_salt: bytes
    inbox_public: bytes
    slots: list[Slot] = field(default_factory=list)
    version: int = VERSION
    mac: str | None = None

    # -- creation and persistence ------------------------------------------------------

    @classmethod
    def new(cls, vault_key: bytes) -> KeySlots:
        return cls(lookup_salt=os.urandom(32), inbox_public=inbox_keys(vault_key)[1])

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultTampered("The key slot file (keyslots.json) is missing.") from None
        damaged = VaultTampered(
            "The key slot file (keyslots.json) is damaged or was changed outside "
            "Sefton Photos. Restore the vault from a backup."
        )
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not a slot file")
            body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
            # Canonical bytes and a checksum catch damage before any password is tried;
            # the MAC (checked once the vault key is known) catches deliberate edits.
            if raw != canonical(doc) + b"\n" or doc["checksum"] != crypto.sha256_hex(
                canonical(body)
            ):
                raise ValueError("damaged")
            version = int(doc["version"])
        except (ValueError, KeyError, TypeError):
            raise damaged from None
        if version > VERSION:
            raise VaultTooNew(
                f"This vault's key slots are format {version}; this Sefton Photos reads "
                f"format {VERSION} and older. Install the newer Sefton Photos to open it."
            )
        try:
            lookup_salt, inbox_public = _unb64(doc["lookup_salt"]), _unb64(doc["inbox_public"])
            if len(lookup_salt) != 32 or len(inbox_public) != 32:  # as new() writes them
                raise KeyError("lookup salt or inbox key of the wrong size")
            return cls(
                lookup_salt=lookup_salt,
                inbox_public=inbox_public,
                slots=[Slot.from_dict(s) for s in doc["slots"]],
                version=version,
                mac=str(doc["mac"]),
            )
        except ValueError as exc:
            if "outside the range" not in str(exc):
                raise damaged from None
            raise VaultTampered(
                f"The key slot file (keyslots.json) is damaged: a slot's password hash "
                f"setting is not one Sefton Photos writes ({exc}). Nobody can sign in with "
                "it; restore keyslots.json from a backup."
            ) from None
        except (KeyError, TypeError, AttributeError):
            raise damaged from None

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "lookup_salt": _b64(self.lookup_salt),
            "inbox_public": _b64(self.inbox_public),
            "slots": [s.as_dict() for s in sorted(self.slots, key=lambda s: s.label)],
        }

    def save(self, path: Path, vault_key: bytes) -> None:
        body = self._body()
        self.mac = crypto.mac(crypto.derive(vault_key, "keyslots-mac"), canonical(body))
        checksum = crypto.sha256_hex(canonical(body))
        atomic_write(path, canonical({**body, "checksum": checksum, "mac": self.mac}) + b"\n")

    def verify_mac(self, vault_key: bytes) -> None:
        key = crypto.derive(vault_key, "keyslots-mac")
        if self.mac is None or not crypto.mac_ok(key, canonical(self._body()), self.mac):
            raise VaultTampered(
                "The key slot file (keyslots.json) was changed outside Sefton Photos. "
                "Restore the vault from a backup."
            )

    # -- slots ---------------------------------------------------------------------------

    def label_for(self, name: str) -> str:
        return hmac.new(self.lookup_salt, normalise_name(name).encode(), "sha256").hexdigest()

    def find(self, name: str) -> Slot | None:
        label = self.label_for(name)
        return next((s for s in self.slots if s.label == label), None)

    def add(
        self,
        *,
        name: str,
        password: str,
        vault_key: bytes,
        params: crypto.Argon2Params = crypto.MINIMUM_ARGON2,
    ) -> tuple[bytes, bytes]:
        """Add a slot for a new user; returns their (private, public) key pair."""
        if self.find(name) is not None:
            raise ValueError("a slot for this name exists")
        private, public = crypto.new_keypair()
        self.slots.append(
            self._make_slot(self.label_for(name), password, private, public, vault_key, params)
        )
        return private, public

    def remove(self, name: str) -> None:
        label = self.label_for(name)
        self.slots = [s for s in self.slots if s.label != label]

    def remove_public(self, public: bytes) -> None:
        self.slots = [s for s in self.slots if s.public != public]

    def rewrap(self, *, name: str, opened: Opened, new_password: str) -> None:
        """A new password for one user: only their private key is wrapped again."""
        slot = self.find(name)
        if slot is None:
            raise AuthenticationFailed("User name or password is not correct.")
        new = self._make_slot(
            slot.label, new_password, opened.private, slot.public, opened.vault_key, slot.kdf
        )
        self.slots = [new if s.label == slot.label else s for s in self.slots]

    def reseal_all(self, *, new_vault_key: bytes, trusted_publics: set[bytes]) -> None:
        """Seal a new vault key to every slot whose public key the database vouches for."""
        for slot in self.slots:
            if slot.public not in trusted_publics:
                raise VaultTampered(
                    "A key slot's public key does not match the database: keyslots.json "
                    "was changed outside Sefton Photos. The vault key was not rotated."
                )
        self.slots = [
            replace(s, sealed_vault_key=crypto.seal_to(s.public, new_vault_key, VAULT_KEY_LABEL))
            for s in self.slots
        ]
        self.inbox_public = inbox_keys(new_vault_key)[1]

    def _make_slot(
        self,
        label: str,
        password: str,
        private: bytes,
        public: bytes,
        vault_key: bytes,
        params: crypto.Argon2Params,
    ) -> Slot:
        salt = os.urandom(16)
        wrap, check = _password_keys(password, salt, params)
        return Slot(
            label=label,
            kdf=params,
            salt=salt,
            check=check,
            public=public,
            wrapped_private=crypto.seal(wrap, private, aad=label.encode()),
            sealed_vault_key=crypto.seal_to(public, vault_key, VAULT_KEY_LABEL),
        )

    # -- opening -----------------------------------------------------------------------

    def open(self, name: str, password: str) -> Opened:
        """Derive the vault key from a name and password, or raise.

        A wrong password and an unknown name get the same message and the same work
        (a decoy Argon2id run), so the screen does not tell which names exist.
        """
        slot = self.find(name)
        if slot is None:
            _password_keys(password, self.lookup_salt[:16], crypto.MINIMUM_ARGON2)
            raise AuthenticationFailed("User name or password is not correct.")
        if (
            slot.kdf.memory_kib < crypto.MINIMUM_ARGON2.memory_kib
            or slot.kdf.iterations < crypto.MINIMUM_ARGON2.iterations
        ):
            raise VaultTampered(
                "This user's key slot asks for a weaker password hash than Sefton Photos "
                "allows: keyslots.json was changed outside the app."
            )
        wrap, check = _password_keys(password, slot.salt, slot.kdf)
        if not hmac.compare_digest(check, slot.check):
            raise AuthenticationFailed("User name or password is not correct.")
        try:
            private = crypto.unseal(wrap, slot.wrapped_private, aad=slot.label.encode())
            if crypto.public_from_private(private) != slot.public:
                raise crypto.DecryptionFailed("key pair mismatch")
            vault_key = crypto.open_sealed(private, slot.sealed_vault_key, VAULT_KEY_LABEL)
        except (crypto.DecryptionFailed, ValueError):
            raise VaultTampered(
                "This user's key slot is damaged or was changed outside Sefton Photos. "
                "Restore the vault from a backup."
            ) from None
        self.verify_mac(vault_key)
        return Opened(vault_key=vault_key, private=private, public=slot.public, label=slot.label)


def inbox_keys(vault_key: bytes) -> tuple[bytes, bytes]:
    """The vault's inbox key pair: sign-in failures are sealed to it before unlock."""
    private = crypto.derive(vault_key, "audit-inbox")
    return private, crypto.public_from_private(private)
