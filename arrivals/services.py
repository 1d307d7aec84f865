"""Stay workflows: status moves, the manager's review and VIP changes, with their history."""

from django.db import transaction
from django.utils import timezone

from arrivals.models import Stay, StayChange, VipLevel
from arrivals.signals import announce_changed, announce_vip
from guestdesk import transitions


def transition(stay, to_status, by, expected_from=None):
    """Move `stay` to `to_status` for user `by` (see guestdesk.transitions).

    `expected_from` is the status the user saw (the stay's own by default): when two agents
    click at once the second gets a clear "already changed" error and nothing the first
    did is lost.
    """
    transitions.transition(
        stay,
        to_status,
        by,
        expected=expected_from or stay.status,
        changes=lambda current: {"updated_at": timezone.now()},
    )
    announce_changed([stay.pk])
    return stay


def review(stay, by):
    """The manager has checked this VIP stay (who and when are kept)."""
    now = timezone.now()
    with transaction.atomic():
        Stay.objects.filter(pk=stay.pk).update(reviewed_by=by, reviewed_at=now, updated_at=now)
        StayChange.objects.create(
            stay=stay,
            kind=StayChange.Kind.REVIEW,
            changes={"reviewed": [False, True]},
            changed_by=by,
        )
    stay.reviewed_by, stay.reviewed_at = by, now
    return stay


def review_all(stays, by) -> int:
    """Mark every unreviewed stay of `stays` reviewed by `by`, with a history entry each.

    The rows are locked first, so two managers pressing at once review each stay once.
    """
    now = timezone.now()
    with transaction.atomic():
        pks = list(stays.unreviewed().select_for_update().values_list("pk", flat=True))
        Stay.objects.filter(pk__in=pks).update(reviewed_by=by, reviewed_at=now, updated_at=now)
        StayChange.objects.bulk_create(
            StayChange(
                stay_id=pk,
                kind=StayChange.Kind.REVIEW,
                changes={"reviewed": [False, True]},
                changed_by=by,
            )
            for pk in pks
        )
    return len(pks)


def _value(stay, field):
    value = getattr(stay, field)
    if isinstance(value, VipLevel):
        return value.code
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def update_stay(stay, fields, by, kind=StayChange.Kind.EDIT):
    """Save changed `fields` of `stay` (already set on it), keep the history, tell of VIPs.

    `stay` must carry the values it had before the change in `stay._loaded` (see
    `remember`), so the history holds old and new values.
    """
    before = getattr(stay, "_loaded", {})
    changes = {}
    for field in fields:
        old, new = before.get(field), _value(stay, field)
        if old != new:
            changes[field] = [old, new]
    if not changes:
        return {}
    with transaction.atomic():
        stay.save()
        StayChange.objects.create(stay=stay, kind=kind, changes=changes, changed_by=by)
        if "vip_level" in changes and raised_vip(before.get("vip_level_rank"), stay.vip_level):
            announce_vip([stay.pk])
        announce_changed([stay.pk])
    remember(stay)
    return changes


def remember(stay, fields=None):
    """Keep the stay's current values, so that update_stay can tell what changed."""
    names = fields or [f.name for f in Stay._meta.concrete_fields if f.name != "id"]
    stay._loaded = {name: _value(stay, name) for name in names}
    stay._loaded["vip_level_rank"] = stay.vip_level.rank if stay.vip_level_id else None
    return stay


def raised_vip(old_rank, new_level):
    """True when a stay became VIP or moved to a higher VIP level."""
    if new_level is None:
        return False
    return old_rank is None or new_level.rank < old_rank


def confirm_missing(stay, by, cancel):
    """An agent settles a stay a later full-day file no longer listed: cancel it or keep it."""
    with transaction.atomic():
        batch_id = stay.missing_from_batch_id
        Stay.objects.filter(pk=stay.pk).update(missing_from_batch=None)
        StayChange.objects.create(
            stay=stay,
            kind=StayChange.Kind.MISSING,
            changes={"missing_confirmed": [batch_id, "cancel" if cancel else "keep"]},
            changed_by=by,
        )
        stay.missing_from_batch = None
        if cancel and stay.status != Stay.Status.CANCELLED:
            transition(stay, Stay.Status.CANCELLED, by)
    return stay
