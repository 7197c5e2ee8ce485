"""What a sync reports, and the cache's marks it sets: all the tray app needs of the sync, which
runs in a process of its own (so the app never loads the sync's decoders)."""

from __future__ import annotations

from dataclasses import dataclass

META_HASH = "caller_id_hash"
META_SYNCED_AT = "synced_at"
META_SOURCE = "source"
META_COUNT = "count"
META_LAYOUT = "layout"


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int
    removed: int
    unchanged: int
    skipped: int
    total: int
    seconds: float
    changed: bool

    def summary_line(self) -> str:
        state = "changed" if self.changed else "no change"
        return (
            f"{state}: {self.added} added, {self.removed} removed, {self.unchanged} unchanged, "
            f"{self.skipped} skipped ({self.total} caller IDs) in {self.seconds:.2f} s"
        )
