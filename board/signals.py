"""Any change to the board's models makes the cached public pages stale."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from board import public_cache
from board.models import Event, HoursException, OpeningHours, ServiceEntry, Venue

for model in (ServiceEntry, OpeningHours, HoursException, Event, Venue):
    post_save.connect(public_cache.bump, sender=model, dispatch_uid=f"board-public-save-{model}")
    post_delete.connect(
        public_cache.bump, sender=model, dispatch_uid=f"board-public-delete-{model}"
    )
m2m_changed.connect(
    public_cache.bump, sender=Event.departments.through, dispatch_uid="board-public-departments"
)
