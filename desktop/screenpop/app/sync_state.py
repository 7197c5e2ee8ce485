"""What the tray says of the sync: its state and the line under it."""

from __future__ import annotations

from datetime import UTC, datetime

from screenpop.sync.scheduler import SyncHealth, SyncStatus
from screenpop.ui.tray import TrayState

_HEALTH_TO_TRAY = {
    SyncHealth.NEVER: TrayState.SYNCING,
    SyncHealth.SYNCING: TrayState.SYNCING,
    SyncHealth.SYNCED: TrayState.SYNCED,
    SyncHealth.OFFLINE: TrayState.OFFLINE,
    SyncHealth.SIGN_IN_NEEDED: TrayState.SIGN_IN_NEEDED,
}


def tray_state(status: SyncStatus, count: int) -> tuple[TrayState, str]:
    """The tray's state for ``status`` and its detail, with ``count`` caller IDs cached."""
    if status.health is SyncHealth.SYNCED:
        detail = f"{count:,} caller IDs, {_age(status.last_success)}"
    elif status.health in (SyncHealth.SYNCING, SyncHealth.NEVER):
        detail = f"{count:,} caller IDs, syncing…"
    else:
        detail = f"{status.error} — {count:,} cached caller IDs still work"
    return _HEALTH_TO_TRAY[status.health], detail


def _age(moment: datetime | None) -> str:
    if moment is None:
        return "not synced yet"
    minutes = int((datetime.now(UTC) - moment).total_seconds() // 60)
    return "synced just now" if minutes < 1 else f"synced {minutes} min ago"
