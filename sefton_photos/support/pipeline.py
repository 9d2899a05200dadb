"""The per-file work of an import, run in worker processes (both cores busy).

Each file is read once; the bytes, their hash, the thumbnail and the faces travel
back to the main process, which alone writes to the vault.  A failure is a
result, not an exception, so one bad file never stops the batch.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sefton_photos.errors import SeftonError
from sefton_photos.faces.detect import MIN_FACE, FoundFace, detect, scaled
from sefton_photos.imaging.decode import MAX_BYTES, Decoded, decode
from sefton_photos.imaging.thumbnails import thumbnail

# A JPEG is decoded at a reduced scale with at least this on its longest side: a 12 MP
# photo at half scale (2000x1500), where a face 40 px wide in the original is 20 px.
# The finest search enlarges that 1.25 times (faces.yunet, LEVEL_MIN): measured on
# bench.scenes photos, every one of 680 faces of 40-70 px was found so, while at a quarter
# scale several 40 px faces are lost, and a full decode costs twice the time and four
# times the memory for nothing found in addition.  Photos over 6400 px wide come at a
# quarter scale and are enlarged up to three times.
DETECT_FROM = 1600


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Processed:
    source: str
    ok: bool
    reason: str | None = None
    data: bytes = b""
    sha256: str = ""
    media_type: str = ""
    width: int = 0
    height: int = 0
    taken_at: datetime | None = None
    thumbnail: bytes = b""
    faces: list[FoundFace] = field(default_factory=list)


def warm_up(detect: bool = True, encode: bool = True) -> None:
    """Pool initializer: load the face models once per worker, not once per file (none
    without ``detect``, the encoder only with ``encode``); one OpenCV thread each, since
    the pool already keeps every core busy."""
    if not detect:
        return
    from sefton_photos.faces.detect import warm_up as load

    load(threads=1, encode=encode)


def faces_in(decoded: Decoded, *, encode: bool = True) -> list[FoundFace]:
    """The faces of a photo decoded at a reduced scale, in the original's pixels: every
    face at least MIN_FACE px wide in the original is looked for (R11)."""
    ratio = decoded.image.width / decoded.width
    found = detect(decoded.image, min_face=MIN_FACE * ratio, encode=encode)
    return scaled(found, decoded.width / decoded.image.width, decoded.width, decoded.height)


def read_once(path: Path) -> bytes:
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise SeftonError("This is not a regular file (links and devices are not imported).")
    if info.st_size > MAX_BYTES:
        raise SeftonError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    with open(path, "rb", buffering=0) as f:
        return f.read()


def process_file(source: str, detect_faces: bool, encode_faces: bool = True) -> Processed:
    """Read, decode, thumbnail and (``detect_faces``) find the faces of one file.

    ``encode_faces=False`` skips the encodings when there is no one to match them to
    (no child enrolled): the faces are still found, each with the empty encoding.
    """
    try:
        data = read_once(Path(source))
        decoded = decode(data, at_least=DETECT_FROM)
        thumb = thumbnail(decoded.image)
        faces = faces_in(decoded, encode=encode_faces) if detect_faces else []
    except SeftonError as exc:
        return Processed(source, False, str(exc))
    except MemoryError:
        return Processed(source, False, "The image is too large to process.")
    except Exception as exc:  # a worker must answer for every file
        return Processed(source, False, f"The image could not be read ({type(exc).__name__}).")
    return Processed(
        source,
        True,
        None,
        data,
        hashlib.sha256(data).hexdigest(),
        decoded.media_type,
        decoded.width,
        decoded.height,
        decoded.taken_at,
        thumb,
        faces,
    )


def expand(paths: list[Path]) -> list[Path]:
    """Files named, and every file under folders named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
        else:
            out.append(p)
    seen: set[str] = set()
    unique = []
    for p in out:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


HIDDEN_REASON = (
    "A hidden file (the system's or another program's, not a photo the camera took): "
    "not imported and left where it is. Check it and remove it from the card by hand "
    "(R5, policy 5.5.4.5)."
)


def hidden_files(paths: list[Path]) -> list[Path]:
    """Hidden files under folders named (dotfiles such as .DS_Store or ._IMG_0001.JPG, and
    every file in a hidden folder): not imported, but reported one by one (R5, R14)."""
    out: list[Path] = []
    for p in paths:
        if not p.is_dir():
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            inside = any(part.startswith(".") for part in Path(root).relative_to(p).parts)
            out += [Path(root) / f for f in sorted(files) if inside or f.startswith(".")]
    return out


class InProcess:
    """Small batches: no pool start-up, same work, same order."""

    def __init__(
        self, files: list[Path], detect: bool, cancel: Cancel | None, encode: bool = True
    ) -> None:
        self.files, self.detect, self.cancel, self.encode = files, detect, cancel, encode

    def __iter__(self) -> Iterator[Processed]:
        for f in self.files:
            if self.cancel is not None and self.cancel.is_set():
                return
            yield process_file(str(f), self.detect, self.encode)


class Stream:
    """Both cores busy, a bounded number of files in flight, results as they finish."""

    def __init__(
        self, files: list[Path], detect: bool, cancel: Cancel | None, n: int, encode: bool = True
    ) -> None:
        self.files, self.detect, self.cancel, self.n = files, detect, cancel, n
        self.encode = encode

    def __iter__(self) -> Iterator[Processed]:
        ctx = multiprocessing.get_context("spawn")
        todo = iter(self.files)
        with ProcessPoolExecutor(
            max_workers=self.n,
            mp_context=ctx,
            initializer=warm_up,
            initargs=(self.detect, self.encode),
        ) as pool:
            running: set[Future[Processed]] = set()
            try:
                for f in todo:
                    running.add(pool.submit(process_file, str(f), self.detect, self.encode))
                    if len(running) >= 2 * self.n:
                        break
                while running:
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for fut in done:
                        if self.cancel is not None and self.cancel.is_set():
                            return
                        yield fut.result()
                        nxt = next(todo, None)
                        if nxt is not None and not (self.cancel and self.cancel.is_set()):
                            running.add(
                                pool.submit(process_file, str(nxt), self.detect, self.encode)
                            )
            finally:
                for fut in running:
                    fut.cancel()
