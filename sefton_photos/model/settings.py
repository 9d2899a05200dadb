"""The vault-wide settings and their defaults, in one table (Vorta's ``get_misc_settings``
shape: one row per setting, with its key, default, bounds and words).

Each value is kept as text in the ``settings`` table under its key; a setting never
written has its default here, and only here (the UI's idle timer starts from the
auto-lock default before the vault's own value has been read).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sefton_photos.errors import InvalidInput
from sefton_photos.faces.match import DEFAULT_THRESHOLD

T = TypeVar("T", bool, int, float)


@dataclass(frozen=True, slots=True)
class SettingSpec(Generic[T]):
    """One setting: its key in the ``settings`` table, default, bounds and words."""

    key: str
    default: T
    label: str
    low: T | None = None
    high: T | None = None
    invalid: str = ""  # why a value outside low..high is refused, with its rule

    def parse(self, text: str) -> T:
        """The stored text back as a value (``on``/``off`` for a switch)."""
        if isinstance(self.default, bool):
            return text != "off"
        return type(self.default)(text)

    def text(self, value: T) -> str:
        if isinstance(value, bool):
            return "on" if value else "off"
        return str(value)

    def check(self, value: T) -> T:
        """``value`` if it lies within the bounds, else InvalidInput in the rule's words."""
        if self.low is not None and self.high is not None and not self.low <= value <= self.high:
            raise InvalidInput(self.invalid)
        return value


AUTO_LOCK_MINUTES: SettingSpec[int] = SettingSpec(
    "auto_lock_minutes",
    5,
    "auto-lock after (minutes, R8)",
    1,
    60,
    "Auto-lock must be between 1 and 60 minutes (R8, policy 5.5.4.9).",
)
# R3 (policy 5.5.4.3): a young person consents "on their own behalf" only when "clearly
# of an age and understanding".  Understanding is assessed case by case and recorded
# with the consent; below this age no assessment makes it count.  Bounded to 10-17 so
# that no setting can reopen the hole of a baby's "own consent", nor close it entirely.
YOUNG_PERSON_MIN_AGE: SettingSpec[int] = SettingSpec(
    "young_person_min_age",
    12,
    "young person's own consent from age (R3)",
    10,
    17,
    "The minimum age for a young person's own consent must be between 10 and 17 years "
    "(R3, policy 5.5.4.3).",
)
FACE_MATCHING: SettingSpec[bool] = SettingSpec("face_matching", True, "face matching (R11)")
FACE_THRESHOLD: SettingSpec[float] = SettingSpec(
    "face_threshold",
    DEFAULT_THRESHOLD,
    "face matching threshold (R11)",
    0.3,
    0.8,
    "The matching threshold must be between 0.3 and 0.8.",
)

SETTINGS: tuple[SettingSpec[bool] | SettingSpec[int] | SettingSpec[float], ...] = (
    AUTO_LOCK_MINUTES,
    YOUNG_PERSON_MIN_AGE,
    FACE_MATCHING,
    FACE_THRESHOLD,
)
