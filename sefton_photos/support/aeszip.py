"""AES-256 ZIP archives (WinZip AE-2), written with ``cryptography`` alone.

The subject access package goes to a child or family outside the council (R13, UK
GDPR art. 15): it has to open with tools they already have.  WinZip's AE-2 format is
read by 7-Zip, WinZip, macOS Archive Utility helpers and most unzip tools, so the
package is one such ZIP, each entry encrypted on its own:

    salt (16) | password check (2) | AES-256-CTR(data) | HMAC-SHA1(ciphertext)[:10]

with keys from PBKDF2-HMAC-SHA1(passphrase, salt, 1000 iterations) as the format
fixes them.  That key derivation is weak against guessing, so the passphrase itself
carries the strength: :func:`new_passphrase` gives 120 random bits.  Entry names are
not encrypted in a ZIP; callers use neutral names (``photos/photo-12.jpg``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import struct
import time
import zlib

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SALT = 16  # AES-256
ITERATIONS = 1000  # fixed by the AE-2 format
_STRENGTH = 3  # AES-256
_METHOD_AES = 99
_VERSION = 51  # needed to extract AES entries
_EXTRA = struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", _STRENGTH, 0)[:-2]  # method appended


def new_passphrase() -> str:
    """Five groups of six hex digits: 120 random bits, easy to read out or type."""
    return "-".join(secrets.token_hex(3) for _ in range(5))


def _keys(passphrase: str, salt: bytes) -> tuple[bytes, bytes, bytes]:
    dk = hashlib.pbkdf2_hmac("sha1", passphrase.encode(), salt, ITERATIONS, 2 * 32 + 2)
    return dk[:32], dk[32:64], dk[64:]


def _ctr(key: bytes, data: bytes) -> bytes:
    """AES-CTR as WinZip does it: a little-endian block counter starting at 1."""
    blocks = (len(data) + 15) // 16
    counters = b"".join(i.to_bytes(16, "little") for i in range(1, blocks + 1))
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # noqa: S305 - CTR keystream
    stream = (encryptor.update(counters) + encryptor.finalize())[: len(data)]
    mixed = int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")
    return mixed.to_bytes(len(data), "little")


def _dos_time(when: float) -> tuple[int, int]:
    t = time.localtime(when)
    year = max(t.tm_year, 1980)
    return (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2), (
        ((year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday
    )


def write(entries: list[tuple[str, bytes]], passphrase: str) -> bytes:
    """A ZIP whose every entry is AES-256 encrypted (AE-2) under ``passphrase``."""
    if not passphrase:
        raise ValueError("an AES ZIP needs a passphrase")
    out = bytearray()
    central = bytearray()
    mtime, mdate = _dos_time(time.time())
    for name, data in entries:
        raw_name = name.encode("utf-8")
        method = 0 if name.lower().endswith((".jpg", ".jpeg", ".png", ".pdf")) else 8
        if method == 8:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = packer.compress(data) + packer.flush()
        else:
            body = data
        salt = os.urandom(SALT)
        aes_key, mac_key, check = _keys(passphrase, salt)
        cipher = _ctr(aes_key, body)
        tag = hmac.new(mac_key, cipher, hashlib.sha1).digest()[:10]
        payload = salt + check + cipher + tag
        extra = _EXTRA + struct.pack("<H", method)
        flags = 0x0001 | 0x0800  # encrypted; UTF-8 names
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            _VERSION,
            flags,
            _METHOD_AES,
            mtime,
            mdate,
            0,  # AE-2: no CRC (the HMAC authenticates instead)
            len(payload),
            len(data),
            len(raw_name),
            len(extra),
        )
        out += raw_name + extra + payload
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            _VERSION,
            _VERSION,
            flags,
            _METHOD_AES,
            mtime,
            mdate,
            0,
            len(payload),
            len(data),
            len(raw_name),
            len(extra),
            0,
            0,
            0,
            0,
            offset,
        )
        central += raw_name + extra
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)
