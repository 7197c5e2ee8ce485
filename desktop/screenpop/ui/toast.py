"""The pop: a small card near the tray that names the caller without taking focus.

Agents type while the phone rings, so the toast is a tool window that is never activated and
whose buttons never take focus (the chooser's filter box asks for the keyboard only when
clicked). Three variants: one candidate (click the card to open), several (a switchboard: a
chooser, best first) and none (unknown or withheld number). A number the cache lacks is looked
up in SuperOffice behind the toast: it says so, and is filled in place when the answer comes
(:meth:`CallToast.set_lookup`, :meth:`CallToast.set_candidates`). After the call ends the
toast leaves by itself, but never from under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QEnterEvent,
    QFont,
    QMouseEvent,
    QPalette,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber, NumberKind
from screenpop.ui.call_note import CallNoteEditor
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg, plural
from screenpop.ui.placement import GAP, MARGIN, Corner, pointer_screen, stacked_position
from screenpop.ui.text import caller_name, matched_by_text, one_line, title_safe
from screenpop.ui.toast_avatar import Avatar, initials
from screenpop.ui.toast_card import ToastCard, accent
from screenpop.ui.toast_chooser import ChoiceRow, Chooser
from screenpop.ui.toast_lookup import ADD_TEXT, ADD_TIP, LookupState, lookup_detail
from screenpop.ui.widgets import ElidedLabel, make_secondary, plain_label, scaled_font

__all__ = ["GAP", "MARGIN", "CallToast"]

WIDTH = 360
LEAVE_GRACE_MS = 1200
STATE_TEXT = {
    CallState.RINGING: QT_TRANSLATE_NOOP("CallToast", "Ringing…"),
    CallState.ANSWERED: QT_TRANSLATE_NOOP("CallToast", "Answered"),
    CallState.ENDED: QT_TRANSLATE_NOOP("CallToast", "Ended"),
}
MISSED_TEXT = QT_TRANSLATE_NOOP("CallToast", "Missed call")


def _flat_button(text: str, tooltip: str) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setToolTip(tooltip)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class CallToast(ToastCard):
    open_requested = Signal(object)
    search_requested = Signal(str)
    add_requested = Signal()
    """The agent wants the unknown caller added to SuperOffice."""
    dismissed = Signal()
    """The agent closed it (its × button)."""
    closed = Signal()
    """It closed, for whatever reason."""
    close_all_requested = Signal()
    size_changed = Signal()
    """Its height changed (a panel added or opened): the stack places the toasts again."""

    def __init__(
        self,
        incoming: IncomingNumber,
        candidates: list[Candidate],
        state: CallState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(WIDTH, parent)
        self.incoming = incoming
        self.candidates = list(candidates)
        self.state = state
        self._answered = False
        self._typing = False
        self._held = False
        self._leaving = False

        # Dismissal after the call: a countdown, then (if the pointer is on the card) its leaving.
        self._dismiss_timer = QTimer(self)
        self._dismiss_timer.setSingleShot(True)
        self._dismiss_timer.timeout.connect(self._dismiss_due)

        # One line each, elided: a toast of predictable height stacks cleanly.
        self.name_label = ElidedLabel()
        self.name_label.setFont(scaled_font(self, 1.35, QFont.Weight.DemiBold))
        self.company_label = ElidedLabel()
        self.detail_label = ElidedLabel()
        make_secondary(self.detail_label)
        self.state_dot = plain_label("●")
        self.state_label = plain_label(secondary=True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFont(scaled_font(self, 1.3))
        self.close_button.clicked.connect(self._dismiss)
        self.close_all_button = _flat_button(self.tr("Close all"), self.tr("Dismiss every pop"))
        self.close_all_button.clicked.connect(self.close_all_requested)
        # Its room is kept while hidden: the toast keeps its height when the button comes.
        policy = self.close_all_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.close_all_button.setSizePolicy(policy)
        self.close_all_button.hide()
        self.search_button: QPushButton | None = None
        self.add_button: QPushButton | None = None
        self.note_panel: CallNoteEditor | None = None
        self.chooser: Chooser | None = None
        self.choice_rows: list[ChoiceRow] = []
        self.lookup = LookupState.NONE
        self._lookup_reason = ""
        self._can_add = False
        self._build()
        self.set_state(state)

    # -- variants ----------------------------------------------------------------------------
    def variant(self) -> str:
        """Which card this is: "single", "multiple", "unknown" or "withheld"."""
        if self.incoming.kind is NumberKind.WITHHELD and not self.candidates:
            return "withheld"
        if not self.candidates:
            return "unknown"
        return "single" if len(self.candidates) == 1 else "multiple"

    def _caller_text(self) -> str:
        if len(self.candidates) == 1:
            return caller_name(self.candidates[0]) or self.incoming.display
        return self.incoming.display

    def _build(self) -> None:
        self.avatar = Avatar("?")
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.name_label)
        texts.addWidget(self.company_label)
        texts.addSpacing(2)
        texts.addWidget(self.detail_label)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(texts, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self._indent = self.avatar.width() + top.spacing()
        self._bottom = QHBoxLayout()
        self._bottom.setSpacing(6)
        self._bottom.addSpacing(self._indent)
        self._bottom.addWidget(self.state_dot)
        self._bottom.addWidget(self.state_label)
        self._bottom.addStretch(1)
        self._bottom.addWidget(self.close_all_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 8, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        self._chooser_row = QHBoxLayout()
        self._chooser_row.setContentsMargins(self._indent - 8, 0, 0, 0)
        layout.addLayout(self._chooser_row)
        # An unknown caller's actions, on a row of their own: a 360 px card has no room beside
        # the call's state for both.
        self._actions = QHBoxLayout()
        self._actions.setSpacing(6)
        self._actions.addSpacing(self._indent)
        self._actions.addStretch(1)
        layout.addLayout(self._actions)
        layout.addLayout(self._bottom)
        self._fill()

    def _fill(self) -> None:
        """The card's content for its variant (again whenever the candidates or the lookup
        change: the same toast, filled in place)."""
        variant = self.variant()
        number = self.incoming.display
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.setToolTip("")
        if variant == "single":
            candidate = self.candidates[0]
            self.name_label.setText(caller_name(candidate))
            self.company_label.setText(
                "" if candidate.is_company else one_line(candidate.contact_name)
            )
            self.detail_label.setText(f"{number} · {matched_by_text(candidate)}")
            self.avatar.set_text(initials(candidate.person_name or candidate.contact_name))
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Open the contact"))
        elif variant == "multiple":
            companies = {one_line(c.contact_name).casefold() for c in self.candidates}
            count = len(self.candidates)
            self.name_label.setText(plural(self.tr("%n possible caller(s)", "", count), count))
            self.company_label.setText(
                one_line(self.candidates[0].contact_name) if len(companies) == 1 else ""
            )
            self.detail_label.setText(f"{number} · {matched_by_text(self.candidates[0])}")
            self.avatar.set_text(str(count) if count < 100 else "99+")
        elif self.lookup is LookupState.LOOKING:
            self.name_label.setText(number)
            self.company_label.setText("")
            self.detail_label.setText(lookup_detail(self.lookup, ""))
            self.avatar.set_text("…")
        else:
            self.name_label.setText(self.tr("Unknown caller"))
            looked_up = self.lookup is not LookupState.NONE
            self.company_label.setText(number if looked_up else "")
            detail = lookup_detail(self.lookup, self._lookup_reason)
            self.detail_label.setText(detail if looked_up else number)  # elided: whole on hover
            self.avatar.set_text("?")
        self.company_label.setVisible(bool(self.company_label.text()))
        self._fill_buttons(variant)
        self._fill_chooser(variant)
        self.setWindowTitle(
            title_safe(arg(self.tr("Call from %1 — Screenpop"), self._caller_text()))
        )
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the buttons just hidden must not count in the new height
        self.adjustSize()

    def _fill_buttons(self, variant: str) -> None:
        unknown = variant == "unknown" and self.lookup is not LookupState.LOOKING
        if unknown and self.search_button is None:
            self.search_button = _flat_button(
                self.tr("Search…"), self.tr("Search the contacts for this number")
            )
            self.search_button.clicked.connect(
                lambda: self.search_requested.emit(self.incoming.digits)
            )
            self._actions.insertWidget(self._actions.count() - 1, self.search_button)
        if unknown and self._can_add and self.add_button is None:
            self.add_button = _flat_button(self.tr(ADD_TEXT), self.tr(ADD_TIP))
            self.add_button.clicked.connect(self.add_requested)
            self._actions.insertWidget(self._actions.count() - 1, self.add_button)
        if self.search_button is not None:
            self.search_button.setVisible(unknown)
        if self.add_button is not None:
            self.add_button.setVisible(unknown and self._can_add)

    def _fill_chooser(self, variant: str) -> None:
        if self.chooser is not None:
            if self._typing:
                self._end_typing()  # its filter goes with it: the keyboard goes back
            self.chooser.hide()
            self.chooser.deleteLater()
            self.chooser, self.choice_rows = None, []
        if variant != "multiple":
            return
        self.chooser = Chooser(self.candidates)
        self.chooser.chosen.connect(self.open_requested)
        self.choice_rows = self.chooser.rows
        if self.chooser.filter_edit is not None:
            self.chooser.filter_edit.typing_requested.connect(self._begin_typing)
            self.chooser.filter_edit.typing_finished.connect(self._end_typing)
        self._chooser_row.addWidget(self.chooser)

    # -- the app's interface -----------------------------------------------------------------
    def set_state(self, state: CallState) -> None:
        self.state = state
        self._answered = self._answered or state is CallState.ANSWERED
        missed = state is CallState.ENDED and not self._answered
        known = MISSED_TEXT if missed else STATE_TEXT.get(state)
        self.state_label.setText(self.tr(known) if known else str(state))
        palette = self.state_dot.palette()
        colors = {
            CallState.RINGING: accent(self.palette()),
            CallState.ANSWERED: QColor(0x22, 0xA0, 0x55),
        }
        color = colors.get(state, self.palette().color(QPalette.ColorRole.PlaceholderText))
        if missed:
            color = QColor(0xD0, 0x3B, 0x3B)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.state_dot.setPalette(palette)

    def set_candidates(self, candidates: list[Candidate]) -> None:
        """Who the caller is after all (a live lookup's answer): the card becomes theirs."""
        self.candidates = list(candidates)
        self.lookup = LookupState.NONE
        self._fill()

    def set_lookup(self, state: LookupState, reason: str = "") -> None:
        """How the lookup of an unknown number goes; ``reason`` says why it failed."""
        self.lookup, self._lookup_reason = state, reason
        self._fill()

    def offer_add(self, offered: bool) -> None:
        """Whether an unknown caller may be added to SuperOffice from here."""
        self._can_add = offered
        self._fill_buttons(self.variant())

    def set_close_all(self, shown: bool) -> None:
        """The "Close all" button, which the stack shows on its newest toast."""
        self.close_all_button.setVisible(shown)

    def place(
        self,
        slot: int,
        offset: int | None = None,
        corner: Corner = Corner.BOTTOM_RIGHT,
        screen: QScreen | None = None,
    ) -> None:
        """In ``corner`` of the screen under the pointer, ``slot`` toasts away (0 = nearest).

        Toasts of one variant share a height, so ``slot`` is enough; when the toasts nearer the
        corner differ in height the stack passes ``offset``, the pixels they take up.
        """
        area = (screen or pointer_screen()).availableGeometry()
        self.adjustSize()
        away = offset if offset is not None else slot * (self.height() + GAP)
        self.move(stacked_position(area, corner, self.size(), away))

    def schedule_dismiss(self, delay_ms: int) -> None:
        """Close after ``delay_ms``; if the pointer is on the toast then, once it leaves."""
        self._dismiss_timer.start(max(0, delay_ms))

    def cancel_dismiss(self) -> None:
        """The call goes on (it was answered): the toast stays until it ends."""
        self._dismiss_timer.stop()
        self._leaving = False

    def is_dismiss_scheduled(self) -> bool:
        return self._dismiss_timer.isActive() or self._leaving

    def is_hovered(self) -> bool:
        return self._hover

    # -- events ------------------------------------------------------------------------------
    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()

    def add_note(self, panel: CallNoteEditor) -> None:
        """The call's note under the card; its field takes the keyboard only when clicked."""
        self.note_panel = panel
        layout = self.layout()
        assert layout is not None
        layout.addWidget(panel)
        panel.typing_requested.connect(lambda: self._begin_typing(panel.edit))
        panel.typing_finished.connect(self._end_typing)
        panel.resized.connect(self.refit)
        self.refit()

    def refit(self) -> None:
        self.adjustSize()
        self.size_changed.emit()

    def hold(self, held: bool) -> None:
        """While held (a call offered for logging), it does not leave by itself."""
        self._held = held
        if not held and self._leaving and not self._hover and not self._typing:
            self._dismiss_timer.start(LEAVE_GRACE_MS)

    def _dismiss_due(self) -> None:
        if self._hover or self._typing or self._held:
            self._leaving = True  # the pointer's leaving (or the typing's end) closes it
            return
        self._dismiss()

    def _begin_typing(self, edit: QWidget | None = None) -> None:
        """The agent clicked into the filter (or a panel's field): now, and only now, take the
        keyboard."""
        if edit is None:
            edit = self.chooser.filter_edit if self.chooser else None
        if edit is None:
            return
        self._typing = True
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
        edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.activateWindow()
        edit.setFocus(Qt.FocusReason.MouseFocusReason)

    def _end_typing(self) -> None:
        self._typing = False
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        if self._leaving and not self._hover and not self._held:
            self._dismiss_timer.start(LEAVE_GRACE_MS)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.variant() == "single"
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.open_requested.emit(self.candidates[0])
        event.accept()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        if self._leaving:
            self._dismiss_timer.stop()
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        if self._leaving and not self._typing and not self._held:
            # A moment's grace: a pointer that only brushed past the edge may come back.
            self._dismiss_timer.start(LEAVE_GRACE_MS)
        self.update()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._dismiss_timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def highlighted(self) -> bool:
        return self._hover and self.variant() == "single"
