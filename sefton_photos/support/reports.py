"""PDF records for the council's case management system, made with reportlab.

The core never imports Qt, and the command line must make the same PDF as the app,
so PDFs are drawn here.  A supervision record lists one worker's notes and the
queue items they cover over a period, with thumbnails only of photos whose
children the viewer may see.  Images are decrypted in memory and embedded; the
PDF is written atomically to the path the user chose.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    HRFlowable,
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from sefton_photos.errors import SeftonError
from sefton_photos.model import Note, QueueItem
from sefton_photos.words import long_date, short_date

THUMB_MM = 28


def _p(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _STYLES[style])


_STYLES = getSampleStyleSheet()


def supervision_record(
    *,
    worker: str,
    manager: str,
    since: date,
    until: date,
    notes: list[Note],
    items: dict[int, QueueItem],
    open_items: list[QueueItem],
    thumbnails: dict[int, bytes],
    made_by: str,
) -> bytes:
    """The PDF bytes of one worker's supervision record for a period."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"Supervision record: {worker}",
        author="Sefton Photos",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
    )
    story: list[object] = [
        _p(f"Supervision record: {worker}", "Title"),
        _p(
            f"Line manager: {manager}. Period: {long_date(since)} to {long_date(until)}. "
            f"Made by {made_by} on {long_date(date.today())} from Sefton Photos."
        ),
        _p(
            "Policy 5.5.3.2: photographs of children are alerted to the line manager and "
            "recorded in supervision notes (R10)."
        ),
        Spacer(1, 6 * mm),
    ]
    if not notes:
        story.append(_p("No supervision notes in this period."))
    for note in notes:
        story += [
            _p(f"Supervision on {long_date(note.session_date)} (note {note.id})", "Heading2"),
            _p(note.text),
        ]
        story += _items([items[i] for i in note.item_ids if i in items], thumbnails)
        if note.actions:
            story.append(_p("Actions", "Heading4"))
            for action in note.actions:
                due = f" (due {long_date(action.due_on)})" if action.due_on else ""
                story.append(_p(f"• {action.text}{due}"))
        acks = [
            f"{note.manager}: {short_date(note.manager_ack_at)} {note.manager_ack_at:%H:%M} UTC"
            if note.manager_ack_at
            else f"{note.manager}: not yet acknowledged",
            f"{note.worker}: {short_date(note.worker_ack_at)} {note.worker_ack_at:%H:%M} UTC"
            if note.worker_ack_at
            else f"{note.worker}: not yet acknowledged",
        ]
        story.append(_p("Acknowledged — " + "; ".join(acks), "Italic"))
        for addendum in note.addenda:
            story.append(
                _p(
                    f"Addendum by {addendum.author}, {short_date(addendum.created_at)}: "
                    f"{addendum.text}"
                )
            )
        story.append(Spacer(1, 4 * mm))
    story.append(_p("Items not yet recorded in supervision", "Heading2"))
    story += _items(open_items, thumbnails) if open_items else [_p("None.")]
    _build(doc, story, "supervision record")
    return out.getvalue()


def _items(items: list[QueueItem], thumbnails: dict[int, bytes]) -> list[object]:
    """Each item as paragraphs (which split across lines and pages, so a note of any
    length lays out) followed by one row of at most four thumbnails (R10, R14)."""
    story: list[object] = []
    for item in items:
        child = item.child_name or "(a child you may not see)"
        story.append(
            _p(f"Item {item.id} · {item.kind.replace('_', ' ')} · {short_date(item.created_at)}")
        )
        story.append(_p(f"Child: {child}"))
        if item.purpose:
            story.append(_p(f"Purpose: {item.purpose}: {item.purpose_note or ''}"))
        if item.consent:
            story.append(_p(f"Relied on {item.consent}"))
        story.append(_p(f"Taken by {item.worker}. {item.summary}"))
        thumbs = [
            Image(
                io.BytesIO(thumbnails[p]),
                width=THUMB_MM * mm,
                height=THUMB_MM * mm,
                kind="proportional",
            )
            for p in item.photo_ids[:4]
            if p in thumbnails
        ]
        row = Table([thumbs], colWidths=[(THUMB_MM + 2) * mm] * len(thumbs)) if thumbs else None
        if row is not None:
            row.hAlign = "LEFT"
            row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(row)
        story.append(HRFlowable(width="100%", thickness=0.25, color=colors.grey))
        story.append(Spacer(1, 2 * mm))
    return story


def _build(doc: SimpleDocTemplate, story: list[object], what: str) -> None:
    """Lay the PDF out; a failure says so in words and never quotes the content
    (which holds children's names) (R14, policy 13.1)."""
    try:
        doc.build(story)
    except LayoutError:
        raise SeftonError(
            f"The {what} could not be laid out as a PDF; nothing was written. "
            "Please report this to ICT."
        ) from None


def life_story_book(*, title: str, pages: list[tuple[bytes, str]]) -> bytes:
    """A simple book for the child and carers: one photo and its caption a page."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author="Sefton Photos")
    story: list[object] = [Spacer(1, 60 * mm), _p(title, "Title")]
    for jpeg, caption in pages:
        story += [
            PageBreak(),
            Image(io.BytesIO(jpeg), width=160 * mm, height=180 * mm, kind="proportional"),
            Spacer(1, 6 * mm),
            _p(caption or " ", "Heading3"),
        ]
    _build(doc, story, "life story book")
    return out.getvalue()
