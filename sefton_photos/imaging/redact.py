"""Redaction on the way out (R7, R11): pixels only, faces blurred, proven clean.

An exported image is encoded afresh from its pixels, never from the original bytes,
so no EXIF, IPTC, XMP (face regions included), ICC profile or comment can ride
along.  Faces without consent are blurred beyond recognition (pixelated, then
blurred, over an enlarged box).  Every output is read back and scanned; if any
trace of metadata or a forbidden word is found, nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from PIL import Image, ImageFilter

from sefton_photos.errors import SeftonError

FORBIDDEN_MARKERS = (
    b"Exif",
    b"http://ns.adobe.com/xap",
    b"Photoshop 3.0",
    b"ICC_PROFILE",
    b"<x:xmpmeta",
    b"8BIM",
    b"tEXt",
    b"iTXt",
    b"zTXt",
    b"eXIf",
)
ALLOWED_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "progressive",
    "progression",
    "adobe",
    "adobe_transform",
}


def blur_faces(img: Image.Image, boxes: Iterable[tuple[int, int, int, int]]) -> Image.Image:
    """Each (top, right, bottom, left) box, enlarged by a third, made unrecognisable."""
    out = img.copy()
    for top, right, bottom, left in boxes:
        h, w = bottom - top, right - left
        pad_y, pad_x = h // 3 + 4, w // 3 + 4
        box = (
            max(0, left - pad_x),
            max(0, top - pad_y),
            min(out.width, right + pad_x),
            min(out.height, bottom + pad_y),
        )
        region = out.crop(box)
        if region.width < 2 or region.height < 2:
            continue
        tiny = region.resize(
            (max(1, region.width // 24), max(1, region.height // 24)), Image.Resampling.BILINEAR
        )
        coarse = tiny.resize(region.size, Image.Resampling.NEAREST)
        out.paste(coarse.filter(ImageFilter.GaussianBlur(max(region.size) / 12)), box[:2])
    return out


def clean_jpeg(img: Image.Image) -> bytes:
    """A JPEG encoded from the pixels alone."""
    fresh = Image.frombytes("RGB", img.size, img.convert("RGB").tobytes())
    buf = io.BytesIO()
    fresh.save(buf, format="JPEG", quality=90, optimize=True)
    return buf.getvalue()


def prove_clean(data: bytes, forbidden_words: Sequence[str]) -> None:
    """Raise unless ``data`` carries no metadata and none of the forbidden words."""
    for marker in FORBIDDEN_MARKERS:
        if marker in data:
            raise SeftonError(
                f"The exported image still carried metadata ({marker!r}); "
                "it was not written (R7, policy 5.5.4.8)."
            )
    low = data.lower()
    for word in forbidden_words:
        for form in {word, word.lower(), word.upper()}:
            if form and (
                form.encode("utf-8").lower() in low or form.encode("utf-16-le").lower() in low
            ):
                raise SeftonError(
                    "The exported image contained a name; it was not written (R7, policy 5.5.4.8)."
                )
    img = Image.open(io.BytesIO(data))
    extra = set(img.info) - ALLOWED_INFO
    if extra or len(img.getexif()):
        raise SeftonError(
            f"The exported image still carried metadata ({sorted(extra)}); it "
            "was not written (R7, policy 5.5.4.8)."
        )
