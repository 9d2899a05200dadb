"""Small, named cryptographic building blocks used across the vault.

Everything is from ``cryptography``: AES-256-GCM for data, HKDF-SHA256 to derive
sub-keys from the vault key, X25519 to seal the vault key to each user's public
key (the construction of age's X25519 recipients), HMAC-SHA256 for sealed
headers, and Argon2id to turn a password into a key-encryption key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12


class DecryptionFailed(Exception):
    """Authenticated decryption failed: wrong key or changed bytes."""


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def derive(key: bytes, purpose: str, length: int = KEY_BYTES) -> bytes:
    """A sub-key of ``key`` for one named purpose (HKDF-SHA256, no salt)."""
    return HKDF(
        algorithm=hashes.SHA256(), length=length, salt=None, info=b"sefton:" + purpose.encode()
    ).derive(key)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM; returns nonce || ciphertext+tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise DecryptionFailed("sealed data is too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise DecryptionFailed("authentication tag mismatch") from None


def mac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def mac_ok(key: bytes, data: bytes, tag: str) -> bool:
    return hmac.compare_digest(mac(key, data), tag)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Argon2Params:
    """Argon2id cost, kept in each slot so it can be raised later without a format change."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def as_dict(self) -> dict[str, int]:
        return {"m": self.memory_kib, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> Argon2Params:
        """Parameters read from a file, bounded before any use (issue 10).

        The file's MAC can only be checked after Argon2 has run, so a cost read from
        disk is untrusted: ``t=2**31`` would hang sign-in, ``p=0`` or a huge ``m``
        would fail inside the library.  Anything outside :data:`ARGON2_BOUNDS`, or not
        a plain integer, raises ValueError saying so.
        """
        values = {k: d[k] for k in ("m", "t", "p")}
        for key, value in values.items():
            low, high = ARGON2_BOUNDS[key]
            if type(value) is not int or not low <= value <= high:
                raise ValueError(
                    f"Argon2id {ARGON2_NAMES[key]} {value!r} is outside the range "
                    f"Sefton Photos accepts ({low} to {high})"
                )
        return cls(memory_kib=values["m"], iterations=values["t"], lanes=values["p"])


# The floor of issue 2: at least 64 MiB and 3 passes.  Slots below it are refused.
MINIMUM_ARGON2 = Argon2Params()
# The ceiling, so a cost read from disk cannot hang or crash sign-in: up to 1 GiB of
# memory (a council laptop has it to spare for a second), 16 passes (about 5 s at
# 64 MiB on the reference laptop), 16 lanes.  Room to raise the default fourfold.
ARGON2_BOUNDS = {"m": (MINIMUM_ARGON2.memory_kib, 1024 * 1024), "t": (3, 16), "p": (1, 16)}
ARGON2_NAMES = {"m": "memory (KiB)", "t": "passes", "p": "lanes"}
SALT_BYTES = (16, 64)  # every salt Sefton Photos writes is 16 bytes


def password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    """Argon2id(password) -> 32-byte key-encryption key."""
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(password.encode("utf-8"))


# -- X25519 sealing, as age does for recipients --------------------------------------


def new_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte X25519 keys."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_from_private(private: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private).public_key())


def seal_to(public: bytes, plaintext: bytes, label: bytes) -> bytes:
    """Encrypt ``plaintext`` so only the holder of ``public``'s private key can read it.

    An ephemeral X25519 share, HKDF over (share, recipient, label) and AES-GCM: the
    output is ephemeral public (32) || nonce || ciphertext.
    """
    ephemeral = X25519PrivateKey.generate()
    eph_pub = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    key = _wrap_key(shared, eph_pub, public, label)
    return eph_pub + seal(key, plaintext, aad=label)


def open_sealed(private: bytes, sealed: bytes, label: bytes) -> bytes:
    if len(sealed) < 32:
        raise DecryptionFailed("sealed key is too short")
    eph_pub, body = sealed[:32], sealed[32:]
    priv = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise DecryptionFailed("invalid ephemeral share") from None
    key = _wrap_key(shared, eph_pub, _raw_public(priv.public_key()), label)
    return unseal(key, body, aad=label)


def _wrap_key(shared: bytes, eph_pub: bytes, recipient: bytes, label: bytes) -> bytes:
    if shared == bytes(32):
        raise DecryptionFailed("low-order X25519 share")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=eph_pub + recipient,
        info=b"sefton:x25519:" + label,
    ).derive(shared)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
