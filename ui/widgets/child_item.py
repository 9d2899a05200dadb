"""How one child is drawn in the Children list: name, born/age, care-status badge.

The badge is a rounded label with the care status in WORDS ("Looked after",
"Foster", "Not looked after"); its colour only repeats them.  Sizes come from
the font, so the rows grow with the text scale; long text is elided, never cut.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ui.models.children import ChildrenListModel

Index = QModelIndex | QPersistentModelIndex
PAD = 8
MARGIN = 2 * PAD + 4  # the row's left and right margins (see paint)
# (background, border, text) for cared-for and not cared-for children.
CARED = (QColor("#e8f0fa"), QColor("#1d4f91"), QColor("#0b2545"))
NOT_CARED = (QColor("#f3f2f1"), QColor("#505a5f"), QColor("#0b0c0c"))


class ChildItemDelegate(QStyledItemDelegate):
    """The name in bold, "Born … · age …", the badge, and "previously cared for" if so."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As wide as the row's words (the bold name, "Age … · born …", the badge), so a
        list that is narrower than a row can be seen to cut it (issue 12)."""
        metrics = option.fontMetrics
        line = metrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        name = QFontMetrics(bold).horizontalAdvance(str(index.data(ChildrenListModel.NameRole)))
        words = (
            metrics.horizontalAdvance(str(index.data(role) or ""))
            for role in (ChildrenListModel.BornRole, ChildrenListModel.NoteRole)
        )
        badge = metrics.horizontalAdvance(str(index.data(ChildrenListModel.BadgeRole) or ""))
        width = max(name, *words, badge + 2 * PAD) + MARGIN
        lines = 4 if index.data(ChildrenListModel.NoteRole) else 3
        return QSize(width, line * lines + PAD * 3 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect: QRect = opt.rect.adjusted(PAD + 4, PAD // 2, -PAD, -PAD // 2)
        if isinstance(widget, QAbstractItemView):  # a row wider than the list: elide, not cut
            rect.setRight(min(rect.right(), widget.viewport().rect().right() - PAD))
        metrics = opt.fontMetrics
        line = metrics.height()
        text_colour = QColor("#ffffff") if selected else QColor("#0b0c0c")
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        name = str(index.data(ChildrenListModel.NameRole) or "")
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, top.width()),
        )
        painter.setFont(opt.font)
        born = str(index.data(ChildrenListModel.BornRole) or "")
        second = top.translated(0, line + 2)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(born, Qt.TextElideMode.ElideRight, second.width()),
        )
        badge = str(index.data(ChildrenListModel.BadgeRole) or "")
        note = str(index.data(ChildrenListModel.NoteRole) or "")
        background, border, ink = CARED if index.data(ChildrenListModel.CaredForRole) else NOT_CARED
        badge_width = min(metrics.horizontalAdvance(badge) + 2 * PAD, rect.width())
        pill = QRect(rect.left(), second.bottom() + PAD // 2 + 2, badge_width, line + 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1.5))
        painter.setBrush(background)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(ink)
        painter.drawText(
            pill,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(badge, Qt.TextElideMode.ElideRight, pill.width() - PAD),
        )
        if note:
            rest = QRect(rect.left(), pill.bottom() + 4, rect.width(), line)
            painter.setPen(text_colour)
            painter.drawText(
                rest,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(note, Qt.TextElideMode.ElideRight, rest.width()),
            )
        painter.restore()
