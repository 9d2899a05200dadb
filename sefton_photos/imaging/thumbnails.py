"""Thumbnails: small JPEGs, made in memory, stored only encrypted."""

from __future__ import annotations

import io

from PIL import Image

THUMB_SIDE = 320


def thumbnail(img: Image.Image, side: int = THUMB_SIDE) -> bytes:
    copy = img.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()


def png_view(img: Image.Image) -> bytes:
    """A clean PNG encoded from pixels only: no EXIF, no text chunks."""
    out = io.BytesIO()
    Image.frombytes("RGB", img.size, img.convert("RGB").tobytes()).save(out, format="PNG")
    return out.getvalue()
