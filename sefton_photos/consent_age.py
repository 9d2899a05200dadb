"""R3 (policy 5.5.4.3): the youngest age at which a young person's own consent counts.

The policy lets a young person consent "on their own behalf" only when "clearly of an
age and understanding" to do so.  Understanding is assessed case by case and recorded
with the consent; the age below which no assessment can make it count is one setting
for the whole vault, kept in the ``settings`` table like the auto-lock time and changed
only by an administrator (information governance).  Default 12; bounded to 10-17 so
that no setting can reopen the hole of a baby's "own consent", nor close it entirely.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import InvalidInput
from sefton_photos.schema.core import Setting

KEY = "young_person_min_age"
DEFAULT_YOUNG_PERSON_MIN_AGE = 12
LOWEST, HIGHEST = 10, 17


def read(db: OrmSession) -> int:
    row = db.get(Setting, KEY)
    return int(row.value) if row else DEFAULT_YOUNG_PERSON_MIN_AGE


def check(years: int) -> int:
    if not LOWEST <= years <= HIGHEST:
        raise InvalidInput(
            f"The minimum age for a young person's own consent must be between {LOWEST} "
            f"and {HIGHEST} years (R3, policy 5.5.4.3)."
        )
    return years


def write(db: OrmSession, years: int) -> None:
    db.merge(Setting(key=KEY, value=str(check(years))))
