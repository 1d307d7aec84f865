"""Signal receivers: automatic traces follow their stays."""

from typing import Any

from traces import services


def follow_stays(sender: Any, stay_ids: list[int], **kwargs: Any) -> None:
    """Receiver of `stays_changed` (after the commit): bring the stays' traces in step now,
    so the department sees a raised VIP's traces on its next page load."""
    services.sync_stays(stay_ids)
