"""Stay workflows: status moves, the manager's review and VIP changes, with their history."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from arrivals.models import Stay, StayChange, VipLevel
from arrivals.signals import announce_vip


class TransitionError(Exception):
    """A status move that is not allowed or that someone else made first."""


def transition(stay, to_status, by, expected_from=None):
    """Move `stay` to `to_status` for user `by`.

    `expected_from` is the status the user saw; the update only happens while the row still
    has it (a conditional UPDATE), so when two agents click at once the second gets a clear
    "already changed" error and nothing the first did is lost.
    """
    from_status = expected_from or stay.status
    if to_status not in Stay.TRANSITIONS.get(from_status, ()):
        raise TransitionError(
            _("A stay that is %(old)s cannot become %(new)s.")
            % {"old": Stay.Status(from_status).label, "new": Stay.Status(to_status).label}
        )
    with transaction.atomic():
        updated = Stay.objects.filter(pk=stay.pk, status=from_status).update(
            status=to_status, updated_at=timezone.now()
        )
        if not updated:
            raise TransitionError(_already_changed(stay.pk))
        StayChange.objects.create(
            stay=stay,
            kind=StayChange.Kind.STATUS,
            changes={"status": [from_status, to_status]},
            changed_by=by,
        )
    stay.status = to_status
    return stay


def _already_changed(stay_pk):
    current = Stay.objects.get(pk=stay_pk)
    last = (
        StayChange.objects.filter(stay_id=stay_pk, kind=StayChange.Kind.STATUS)
        .select_related("changed_by")
        .first()
    )
    if last and last.changed_by:
        return _(
            "Already changed: %(name)s marked this stay %(status)s at %(time)s. "
            "Nothing else was changed."
        ) % {
            "name": last.changed_by.get_full_name() or last.changed_by.get_username(),
            "status": current.get_status_display(),
            "time": date_format(timezone.localtime(last.changed_at), "TIME_FORMAT"),
        }
    return _("Already changed: this stay is now %(status)s. Nothing else was changed.") % {
        "status": current.get_status_display()
    }


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


def set_vip_level(stay, level, by):
    """The manager changes the stay's VIP level (None removes it)."""
    remember(stay)
    stay.vip_level = level
    return update_stay(stay, ["vip_level"], by)


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
