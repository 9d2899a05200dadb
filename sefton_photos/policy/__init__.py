"""The rules of REQUIREMENTS.md as code, and nothing else: one package, one place.

Every function takes facts (dataclasses from :mod:`sefton_photos.model`) and returns a
:class:`~sefton_photos.decisions.Decision` holding every reason, met or not, with its
rule id and policy clause, and what it decided (for an export: the faces to blur).
Callers never decide on their own: they ask here and show the decision as it is. Deny by
default: where no rule allows an action, it is refused. Nothing here touches a database.

- :mod:`.consent`: R3, R7, R12: does a written consent hold (who may give it, when)
- :mod:`.wishes`: R2: every person's wish, and the explanations
- :mod:`.capture`: the consent check and the capture decision (R1-R5, R10, R12), R13 enrolment
- :mod:`.review`: R12: clearing a photo flagged by a withdrawal
- :mod:`.export`: R6, R7, R9, R11, R12: every export, with the faces to blur

Who may see or change what (roles and need-to-know) is in :mod:`sefton_photos.access`.
"""

from sefton_photos.policy.capture import can_capture, consent_check, may_enrol_face
from sefton_photos.policy.consent import (
    KIND_FOR_PURPOSE,
    ONE_TO_ONE_PURPOSES,
    age_on,
    relied_on,
    young_person_fault,
)
from sefton_photos.policy.export import INTERNAL, PUBLIC, can_export, faces_to_blur
from sefton_photos.policy.review import may_clear_flag
from sefton_photos.policy.wishes import _r2_wishes

__all__ = [
    "INTERNAL",
    "KIND_FOR_PURPOSE",
    "ONE_TO_ONE_PURPOSES",
    "PUBLIC",
    "_r2_wishes",
    "age_on",
    "can_capture",
    "can_export",
    "consent_check",
    "faces_to_blur",
    "may_clear_flag",
    "may_enrol_face",
    "relied_on",
    "young_person_fault",
]
