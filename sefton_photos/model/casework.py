"""The child's file as facts: children, people with PR, consents, wishes, choices."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import NewType, Self

# -- the child's file (issue 3) ------------------------------------------------------------

ChildId = NewType("ChildId", int)
PersonId = NewType("PersonId", int)
ConsentId = NewType("ConsentId", int)


_LABELS = {
    "one_to_one": "one-to-one",
    "parent_carer": "parent/carer",
    "face_matching": "face matching",
    "child_request": "at the child's own request",
    "activity_record": "record of an activity",
    "life_story": "life story work",
}


class _Choice(enum.StrEnum):
    """An enum parsed from user input with a message that lists the choices."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " "))

    @classmethod
    def parse(cls, text: str) -> Self:
        from sefton_photos.errors import InvalidInput

        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        for member in cls:
            if member.value == key:
                return member
        choices = ", ".join(m.value for m in cls)
        raise InvalidInput(f"{text!r} is not one of: {choices}.")


class CareStatus(_Choice):
    NOT_LOOKED_AFTER = "not_looked_after"
    LOOKED_AFTER = "looked_after"
    FOSTER = "foster"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after"
    ADOPTED = "adopted"
    OTHER = "other"

    @property
    def cared_for(self) -> bool:
        """R6, R9: foster, cared for and previously cared for are treated alike.

        Adopted children were looked after before adoption; "other" is unknown, and a
        doubt is resolved towards protection.
        """
        return self is not CareStatus.NOT_LOOKED_AFTER


class Purpose(_Choice):
    """R1 (5.5.4.1): the fixed list of child-centred purposes."""

    LIFE_STORY = "life_story"
    ACTIVITY_RECORD = "activity_record"
    CHILD_REQUEST = "child_request"
    GROUP_ACTIVITY = "group_activity"
    PUBLICITY = "publicity"


class ConsentKind(_Choice):
    ONE_TO_ONE = "one_to_one"
    GROUP = "group"
    PUBLICITY = "publicity"
    FACE_MATCHING = "face_matching"


class GivenBy(_Choice):
    PARENT_CARER = "parent_carer"
    SOCIAL_WORKER = "social_worker"
    YOUNG_PERSON = "young_person"


class Whose(_Choice):
    CHILD = "child"
    PARENT_CARER = "parent_carer"
    WORKER = "worker"


class Destination(_Choice):
    """Export destinations of REQUIREMENTS.md (the rules arrive with the export issue)."""

    CASE_RECORD = "case_record"
    LIFE_STORY_BOOK = "life_story_book"
    PRINT = "print"
    PUBLICITY = "publicity"
    SOCIAL_NETWORK = "social_network"


@dataclass(frozen=True, slots=True)
class Child:
    id: ChildId
    name: str
    date_of_birth: date
    care_status: CareStatus
    ever_cared_for: bool
    social_worker: str | None
    key_workers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResponsiblePerson:
    """Someone with parental responsibility recorded on the child's file."""

    id: PersonId
    child_id: ChildId
    name: str
    relationship: str
    current: bool


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    id: ConsentId
    child_id: ChildId
    kind: ConsentKind
    given_by: GivenBy
    person_id: PersonId | None
    giver_name: str | None
    giver_may_consent: bool  # a current person with PR, or the child's social worker
    understanding_assessment: str | None
    purposes: tuple[Purpose, ...]
    destinations: tuple[Destination, ...]
    signed_on: date
    expires_on: date | None
    carers_notified_on: date | None
    has_form: bool
    recorded_by: str
    recorded_at: datetime
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str | None
    corrects_id: ConsentId | None
    corrected_by: ConsentId | None = None

    def status(self, today: date) -> str:
        """In words: active, withdrawn, corrected, expired, or not yet valid (R12)."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.corrected_by is not None:
            return "corrected"
        if self.signed_on > today:
            return "not yet valid"
        if self.expires_on is not None and today >= self.expires_on:
            return "expired"
        return "active"


@dataclass(frozen=True, slots=True)
class WishRecord:
    """One person's latest wish about being photographed (R2, policy 5.5.4.2).

    Whose it is: the child; a person with PR (``person_id``); a carer without PR,
    named (``carer``); a worker allocated to the child, named (``person_name``).  A
    parent/carer or worker wish with no one named is *unattributed*: recorded before
    wishes were kept per person (schema 0001), it cannot speak for anyone now.
    """

    whose: Whose
    wishes_photos: bool
    person_name: str | None
    notes: str | None
    recorded_by: str
    recorded_at: datetime
    person_id: PersonId | None = None
    carer: bool = False

    @property
    def unattributed(self) -> bool:
        return self.whose is not Whose.CHILD and self.person_name is None


@dataclass(frozen=True, slots=True)
class WishNotNeeded:
    """R2 (5.5.4.2), by a social worker: why a person with PR is not asked; or, with
    ``carer`` set, that the carer ``person_name`` no longer cares for the child."""

    person_id: PersonId | None
    person_name: str
    reason: str
    recorded_by: str
    recorded_at: datetime
    carer: bool = False


@dataclass(frozen=True, slots=True)
class ExplanationRecord:
    to_whom: Whose
    explained: bool
    explained_on: date | None
    not_explained_reason: str | None
    permitted_by: str | None
    permitted_by_is_social_worker: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ChildFile:
    """Everything a consent decision depends on, as one snapshot."""

    child: Child
    people: tuple[ResponsiblePerson, ...]
    consents: tuple[ConsentRecord, ...]
    wishes: tuple[WishRecord, ...]  # the latest per person (the child, each PR, carer, worker)
    explanations: tuple[ExplanationRecord, ...]  # the latest per to_whom
    waivers: tuple[WishNotNeeded, ...] = ()  # the latest per person with PR / carer
    young_person_min_age: int = 12  # R3: the administrator's setting, for own consent

    def carer_ended(self, wish: WishRecord) -> WishNotNeeded | None:
        """A carer's wish stops counting once recorded as no longer caring, after it."""
        name = (wish.person_name or "").casefold()
        return next(
            (
                v
                for v in self.waivers
                if v.carer and v.person_name.casefold() == name and v.recorded_at > wish.recorded_at
            ),
            None,
        )
