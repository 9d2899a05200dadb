"""What a policy decision is: allowed or refused, and every reason, as data.

Kept apart from :mod:`sefton_photos.policy` (which holds the rules themselves) so
the rules module is only rules.  A :class:`Reason` names its rule id (R1-R14, or
``ACCESS`` for the need-to-know and role table of REQUIREMENTS.md), the policy
clause, plain words, whether the rule is met, and what would make it met.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    clause: str
    text: str
    met: bool = False
    remedy: str | None = None
    child: str | None = None  # which child of a group the reason is about

    @property
    def where(self) -> str:
        return f"policy {self.clause}" if self.clause[:1].isdigit() else self.clause

    @property
    def words(self) -> str:
        """The finding in plain words, with what would make it met."""
        who = f"{self.child}: " if self.child else ""
        fix = f" To allow: {self.remedy}" if self.remedy and not self.met else ""
        return f"{who}{self.text.rstrip('.')}.{fix}"

    def explain(self) -> str:
        """A sentence for messages: the words, then the rule and clause."""
        who = f"{self.child}: " if self.child else ""
        fix = f" To allow: {self.remedy}" if self.remedy and not self.met else ""
        return f"{who}{self.text.rstrip('.')} ({self.rule}, {self.where}).{fix}"

    def line(self) -> str:
        """One line for the CLI and lists: rule, clause, met or NOT MET, words."""
        state = "met" if self.met else "NOT MET"
        return f"{self.rule} ({self.where}) {state}: {self.words}"

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "clause": self.clause,
            "text": self.text,
            "met": self.met,
            "remedy": self.remedy,
            "child": self.child,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """Allowed or refused, with every reason that led there.

    ``blur`` is the decision's payload for an export (R11, policy 5.5.1, 5.5.2): the ids
    of the faces that must be blurred.  The exporter and the life story book blur
    exactly these and never work it out again.
    """

    allowed: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    blur: tuple[int, ...] = ()

    @property
    def verdict(self) -> str:
        return "ALLOWED" if self.allowed else "REFUSED"

    @property
    def blocking(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if not r.met)

    def explain(self) -> str:
        shown = self.blocking if not self.allowed else self.reasons
        lines = [r.explain() for r in shown] or ["No rule allows this."]
        return f"{self.verdict}: " + " ".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "allowed": self.allowed,
            "verdict": self.verdict,
            "reasons": [r.as_dict() for r in self.reasons],
            "blur": list(self.blur),
        }

    def audit_dict(self) -> dict[str, object]:
        """The decision as the audit log keeps it: verdict, rules and clauses, met or not.

        The audit names people by id only (R13, R14): a reason's words can name the child,
        a parent or quote free text, so they stay in the decision's own record (consent
        check, export), which erasure removes with the child, never in the audit.
        """
        return {
            "allowed": self.allowed,
            "verdict": self.verdict,
            "reasons": [{"rule": r.rule, "clause": r.clause, "met": r.met} for r in self.reasons],
        }


def allow(*reasons: Reason) -> Decision:
    return Decision(True, tuple(reasons))


def refuse(*reasons: Reason) -> Decision:
    return Decision(False, tuple(reasons))


def combine(reasons: list[Reason], *, blur: tuple[int, ...] = ()) -> Decision:
    """Allowed only if there is at least one reason and every reason is met."""
    return Decision(bool(reasons) and all(r.met for r in reasons), tuple(reasons), blur)
