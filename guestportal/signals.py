"""The welcome email goes out when a stay moves to in house (the guest has arrived)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from arrivals.models import Stay, StayChange
from guestportal import services


@receiver(post_save, sender=StayChange, dispatch_uid="guestportal-welcome")
def welcome_on_arrival(sender: type, instance: StayChange, created: bool, **kwargs: object) -> None:
    if not created or instance.kind != StayChange.Kind.STATUS:
        return
    moved = (instance.changes or {}).get("status") or ["", ""]
    if moved[-1] == Stay.Status.IN_HOUSE:
        stay = Stay.objects.select_related("guest").get(pk=instance.stay_id)
        services.send_welcome(stay)
