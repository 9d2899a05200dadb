"""Untrusted image bytes: only the allowlist is opened, every odd file gets a clear answer."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from sefton_photos.imaging.decode import ImageRejected, decode
from sefton_photos.support.pipeline import process_file


def encoded(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("CMYK JPEG", lambda: encoded(Image.new("CMYK", (64, 48), (10, 20, 30, 0)), "JPEG")),
        ("16-bit PNG", lambda: encoded(Image.new("I;16", (64, 48), 40000), "PNG")),
        ("PNG with alpha", lambda: encoded(Image.new("RGBA", (64, 48), (1, 2, 3, 128)), "PNG")),
        ("palette PNG", lambda: encoded(Image.new("P", (64, 48), 3), "PNG")),
        ("greyscale JPEG", lambda: encoded(Image.new("L", (64, 48), 100), "JPEG")),
        (
            "animated WebP",
            lambda: encoded(
                Image.new("RGB", (64, 48), "red"),
                "WEBP",
                save_all=True,
                append_images=[Image.new("RGB", (64, 48))],
            ),
        ),
        ("HEIC", lambda: encoded(Image.new("RGB", (64, 48), "blue"), "HEIF")),
    ],
)
def test_unusual_but_valid_images_decode_upright_in_rgb(name: str, make) -> None:  # type: ignore[no-untyped-def]
    """CMYK, 16-bit, alpha, palette, animated and HEIC all arrive as plain RGB."""
    if name == "HEIC":
        pillow_heif = pytest.importorskip("pillow_heif")
        pillow_heif.register_heif_opener()
    decoded = decode(make())
    assert decoded.image.mode == "RGB" and (decoded.width, decoded.height) == (64, 48)


def with_bad_exif(data: bytes) -> bytes:
    """A JPEG whose EXIF segment claims an IFD far beyond its end."""
    tiff = b"II*\x00" + struct.pack("<I", 0xFFFFFF00)
    app1 = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:]


def test_malformed_exif_does_not_stop_the_image() -> None:
    data = with_bad_exif(encoded(Image.new("RGB", (40, 30), "green"), "JPEG"))
    decoded = decode(data)
    assert decoded.taken_at is None and decoded.image.size == (40, 30)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"", "empty"),
        (b"GIF89a" + b"\x00" * 64, "not an image in a supported format"),
        (b"%PDF-1.4 not a photo", "not an image in a supported format"),
        (b"BM" + b"\x00" * 100, "not an image in a supported format"),  # BMP is not on the list
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "not an image|damaged"),
    ],
)
def test_files_outside_the_allowlist_or_damaged_are_rejected_in_words(
    data: bytes, phrase: str
) -> None:
    with pytest.raises(ImageRejected, match=phrase):
        decode(data)


def test_a_wrong_extension_is_judged_by_content(tmp_path: Path) -> None:
    """A PNG called .jpg imports; a text file called .jpg is rejected."""
    png = tmp_path / "really-a-png.jpg"
    png.write_bytes(encoded(Image.new("RGB", (32, 32), "white"), "PNG"))
    text = tmp_path / "notes.jpg"
    text.write_text("hello")
    assert process_file(str(png), False).media_type == "image/png"
    assert not process_file(str(text), False).ok


def test_odd_file_names_are_read_as_they_are(tmp_path: Path) -> None:
    """Unicode, spaces, reserved Windows names and dots in names do not matter."""
    data = encoded(Image.new("RGB", (16, 16), "white"), "JPEG")
    for name in ("Ôscar\u2019s day out 😀.jpg", "CON.jpg", "..hidden..jpg", "a b\tc.jpg"):
        path = tmp_path / name
        path.write_bytes(data)
        assert process_file(str(path), False).ok, name


def test_links_and_folders_are_not_imported(tmp_path: Path) -> None:
    real = tmp_path / "real.jpg"
    real.write_bytes(encoded(Image.new("RGB", (16, 16)), "JPEG"))
    link = tmp_path / "link.jpg"
    link.symlink_to(real)
    assert not process_file(str(link), False).ok
    assert not process_file(str(tmp_path), False).ok
