"""Emails to the guest on their stay's moves: the welcome when they arrive (in house), the
guest book's link when they leave (departed)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from arrivals.models import Stay, StayChange
from guestportal import services


@receiver(post_save, sender=StayChange, dispatch_uid="guestportal-welcome")
def welcome_on_arrival(sender: type, instance: StayChange, created: bool, **kwargs: object) -> None:
    if not created or instance.kind != StayChange.Kind.STATUS:
        return
    moved = (instance.changes or {}).get("status") or ["", ""]
    if moved[-1] in (Stay.Status.IN_HOUSE, Stay.Status.DEPARTED):
        stay = Stay.objects.select_related("guest").get(pk=instance.stay_id)
        if moved[-1] == Stay.Status.IN_HOUSE:
            services.send_welcome(stay)
        else:
            services.send_farewell(stay)
