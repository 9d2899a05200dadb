"""Which camera took a photo, as its EXIF says (R5, policy 5.5.4.5).

Photos come only from devices registered to the council.  The registered device is
the one the worker names; the photo's own EXIF names a make, a model and often a
body serial number.  Where both sides know a value and they differ, the photo came
from another camera and is refused with both named.  EXIF can be edited, so this
catches mistakes and casual misuse, not a determined forger; an absent value is
not a refusal (many phones write no serial).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

MAKE, MODEL, EXIF_IFD = 0x010F, 0x0110, 0x8769
BODY_SERIAL, CAMERA_SERIAL = 0xA431, 0xC62F  # Exif BodySerialNumber; DNG CameraSerialNumber


@dataclass(frozen=True, slots=True)
class Camera:
    make: str | None = None
    model: str | None = None
    serial: str | None = None

    def label(self) -> str:
        return " ".join(x for x in (self.make, self.model) if x) or "an unnamed camera"


def _clean(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    text = " ".join(str(value).replace("\x00", " ").split()) if value is not None else ""
    return text or None


def camera_of(data: bytes) -> Camera:
    """Make, model and serial from the EXIF of ``data`` (all None when it has none)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as img:
                exif = img.getexif()
                inner = exif.get_ifd(EXIF_IFD)
                serial = inner.get(BODY_SERIAL) or exif.get(CAMERA_SERIAL)
                return Camera(_clean(exif.get(MAKE)), _clean(exif.get(MODEL)), _clean(serial))
    except Exception:
        return Camera()


def _same(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def mismatch(registered: Camera, device_name: str, photo: Camera) -> str | None:
    """Why the photo is not from the registered device, or None when nothing differs."""
    if not _same(registered.serial, photo.serial):
        return (
            f"its EXIF names camera serial {photo.serial} ({photo.label()}), but "
            f"{device_name} is registered with serial {registered.serial}"
        )
    if not (_same(registered.make, photo.make) and _same(registered.model, photo.model)):
        return (
            f"its EXIF names a {photo.label()}, but {device_name} is registered as a "
            f"{registered.label()}"
        )
    return None
