"""The programme in the history file: personal doses, their change log and "keep as is".

`ProgrammeTables` is the part of `SessionStore` for them. A new dose and its log entry are
written together, both or neither; a row that cannot be read stops a writable store (so
nothing is saved over it) and is left out of a read-only one.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..domain.models import DoseChange, KeepDecision, PersonalDose
from .history_file import Changes, HistoryFile
from .programme_codec import (
    DOSE_CHANGES,
    DOSES,
    KEEP_DECISIONS,
    change_key,
    decode_change,
    decode_decision,
    decode_dose_row,
    encode_change,
    encode_decision,
    encode_dose_row,
    slot_key,
)


class ProgrammeTables(HistoryFile):
    """Personal doses, the change log and "keep as is" decisions, for `SessionStore`."""

    def doses(self) -> list[PersonalDose]:
        return self._programme_rows(DOSES, decode_dose_row)

    def dose_changes(self) -> list[DoseChange]:
        """The change log, oldest first."""
        return sorted(self._programme_rows(DOSE_CHANGES, decode_change), key=lambda change: change.at)

    def keep_decisions(self) -> list[KeepDecision]:
        return self._programme_rows(KEEP_DECISIONS, decode_decision)

    def save_dose_change(self, dose: PersonalDose, change: DoseChange) -> None:
        """Store a new personal dose and its log entry in one write: both or neither."""
        key = slot_key(dose.routine_id, dose.exercise_id)
        self._write_together(
            {DOSES: {key: encode_dose_row(dose)}, DOSE_CHANGES: {change_key(change): encode_change(change)}}
        )

    def save_keep_decisions(self, decisions: list[KeepDecision]) -> None:
        """Remember "keep as is" for each slot (only the latest per slot is kept)."""
        documents: Changes = {slot_key(d.routine_id, d.exercise_id): encode_decision(d) for d in decisions}
        if documents:
            self._write_together({KEEP_DECISIONS: documents})

    def _programme_rows(self, table: str, decode: Any) -> list[Any]:
        with self._mutex:
            rows = []
            for document in self._table_or_empty(table).values():
                try:
                    rows.append(decode(document))
                except msgspec.ValidationError:
                    if not self.read_only:
                        raise
            return rows
