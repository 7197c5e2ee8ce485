"""Who called, picked in the contact window's header: a switchboard's people, one company.

A call from a number several people of one company share opens that company straight away;
which of them is on the line the agent picks here (or leaves as "the company").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from screenpop.core.matching import Candidate
from screenpop.ui.text import caller_name


class CallerPicker(QComboBox):
    picked = Signal(object)
    """The person chosen (a Candidate), or None for "someone at the company"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(self.tr("The people this number belongs to"))
        self.currentIndexChanged.connect(self._changed)
        self._filling = False

    def set_candidates(self, candidates: Sequence[Candidate], current: Candidate | None) -> None:
        """The persons among ``candidates`` (best first), ``current`` selected."""
        self._filling = True
        self.clear()
        self.addItem(self.tr("Who called?"), None)
        for candidate in candidates:
            if not candidate.is_company:
                self.addItem(caller_name(candidate), candidate)
        if current is not None:
            index = next(
                (i for i in range(1, self.count()) if self._same(self.itemData(i), current)), 0
            )
            self.setCurrentIndex(index)
        self._filling = False

    def persons(self) -> list[Candidate]:
        return [self.itemData(i) for i in range(1, self.count())]

    @staticmethod
    def _same(item: object, current: Candidate) -> bool:
        return isinstance(item, Candidate) and item.person_id == current.person_id

    def _changed(self, index: int) -> None:
        if not self._filling:
            data = self.itemData(index)
            self.picked.emit(data if isinstance(data, Candidate) else None)
