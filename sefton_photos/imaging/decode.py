"""Decode untrusted image bytes: allowlisted formats, a pixel cap, EXIF orientation.

Every failure is an :class:`ImageRejected` with a sentence a person can act on;
the import goes on with the next file.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from sefton_photos.errors import InvalidInput

MAX_PIXELS = 50_000_000  # issue 4: images up to 50 megapixels
MAX_BYTES = 200 * 1024 * 1024
FORMATS = ("JPEG", "PNG", "HEIF", "TIFF", "WEBP")
MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "HEIF": "image/heic",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
}

_heif_ready = False


class ImageRejected(InvalidInput):
    """This file cannot be imported; the message says why."""


def _register_heif() -> None:
    global _heif_ready
    if not _heif_ready:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # pragma: no cover - HEIC simply stays unsupported
            pass
        _heif_ready = True


@dataclass(frozen=True, slots=True)
class Decoded:
    image: Image.Image  # RGB, upright
    media_type: str
    width: int
    height: int
    taken_at: datetime | None


def _taken_at(img: Image.Image) -> datetime | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data": no date, fine
            exif = img.getexif()
            raw = exif.get_ifd(0x8769).get(0x9003) or exif.get(0x0132)  # DateTimeOriginal, DateTime
        if not raw:
            return None
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").replace(tzinfo=UTC)
    except (ValueError, TypeError, KeyError, OSError):
        return None


def decode(data: bytes, *, max_pixels: int = MAX_PIXELS, at_least: int | None = None) -> Decoded:
    """Open ``data`` as one of the allowed formats and return it upright, in RGB.

    ``at_least`` asks only for a copy whose longest side is at least that many pixels:
    a JPEG is then decoded at a reduced scale by the decoder itself (every byte is
    still read and checked), which is what the import needs for thumbnails and face
    detection, at a fraction of the cost.  ``width``/``height`` are always the
    original's.
    """
    if not data:
        raise ImageRejected("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImageRejected(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    _register_heif()
    ImageFile.LOAD_TRUNCATED_IMAGES = False  # another library may have switched it on
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            warnings.filterwarnings("ignore", message=".*EXIF", category=UserWarning)
            img = Image.open(io.BytesIO(data), formats=FORMATS)
            fmt = img.format or ""
            pixels = img.width * img.height
            if pixels > max_pixels:
                raise ImageRejected(
                    f"The image is {pixels / 1e6:.0f} megapixels; the limit is "
                    f"{max_pixels / 1e6:.0f} (a decompression bomb is refused)."
                )
            width, height = img.size
            if at_least and fmt == "JPEG" and max(width, height) > 2 * at_least:
                wanted = at_least / max(width, height)
                img.draft("RGB", (max(1, int(width * wanted)), max(1, int(height * wanted))))
            img.load()
            taken = _taken_at(img)
            upright = ImageOps.exif_transpose(img)
            rgb = upright.convert("RGB")
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(
            f"The image has too many megapixels to open safely (the limit is "
            f"{max_pixels / 1e6:.0f}); a decompression bomb is refused."
        ) from None
    except UnidentifiedImageError:
        raise ImageRejected(
            "This is not an image in a supported format (JPEG, PNG, HEIC, TIFF, WebP)."
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected(f"The image is damaged or truncated ({exc}).") from None
    if upright.size != img.size:  # turned by its EXIF orientation
        width, height = height, width
    return Decoded(rgb, MEDIA_TYPES.get(fmt, "image/" + fmt.lower()), width, height, taken)


def downscale(img: Image.Image, max_side: int) -> tuple[Image.Image, float]:
    """A copy whose longest side is at most ``max_side``, and the scale applied."""
    longest = max(img.width, img.height)
    if longest <= max_side:
        return img, 1.0
    scale = max_side / longest
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0), scale
