"""The one way a status changes (stays, requests, and whatever gets a status next).

A model declares its allowed moves and how its history is written (`HasTransitions`);
`transition()` locks the row, checks the move against what the person saw, writes the new
status with any other fields the move sets, and records who moved it, when, from and to.
A move that cannot be made raises `TransitionError`, whose text is for that person.
"""

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guestdesk import audit


class TransitionError(Exception):
    """A change that cannot be made; `str(error)` is the message for the person who tried."""


class NotAllowed(TransitionError):
    """The move is not among the allowed ones, or what it needs is missing."""


class ChangedMeanwhile(TransitionError):
    """Someone else changed the status after the person saw it; nothing was changed."""


class HasTransitions:
    """What a model with a `status` field declares to move through `transition()`."""

    # {status: statuses it may become}; a status missing here is final.
    TRANSITIONS: ClassVar[Mapping[str, Collection[str]]] = {}

    status: str

    def allowed_moves(self) -> tuple[str, ...]:
        return tuple(self.TRANSITIONS.get(self.status, ()))

    def status_label(self, value: str) -> str:
        field = self._meta.get_field("status")  # type: ignore[attr-defined]
        return str(dict(field.flatchoices).get(value, value))

    def transition_not_allowed(self, to_status: str) -> str:
        """Why this object (in its current status) cannot become `to_status`."""
        return _("“%(old)s” cannot become “%(new)s”.") % {
            "old": self.status_label(self.status),
            "new": self.status_label(to_status),
        }

    def transition_changed_meanwhile(self) -> str:
        """What the person sees when someone else moved this object first."""
        return _("Someone else changed this meanwhile: it is now “%(status)s”.") % {
            "status": self.status_label(self.status)
        }

    def record_transition(
        self,
        from_status: str,
        to_status: str,
        by: AbstractBaseUser | None,
        at: datetime,
        note: str,
    ) -> None:
        """Write the model's own history entry of one move (who, when, from, to).

        `transition()` always writes the move to the audit trail; a model whose history is
        that trail alone keeps this default.
        """
        return None


M = TypeVar("M", bound=models.Model)


def transition(
    obj: M,
    to_status: str,
    by: AbstractBaseUser | None,
    *,
    expected: str | None = None,
    changes: Callable[[M], dict[str, Any]] | None = None,
    note: str = "",
    at: datetime | None = None,
) -> M:
    """Move `obj` to `to_status` for user `by` and return the row as it now is.

    `expected`: the status the person saw; when the row has moved since, nothing changes
    and `ChangedMeanwhile` says so (None accepts whatever the status is now).
    `changes(current)`: other field values written with the status, computed from the
    locked row; it may raise `NotAllowed` (e.g. a booking without a reference).
    `note` and `at` (now by default): passed to the model's history entry.
    """
    model = type(obj)
    with transaction.atomic():
        # The lock makes the check and the update one step: a second agent clicking at the
        # same moment waits here, then finds the status changed.
        current = model._default_manager.select_for_update().get(pk=obj.pk)
        flow: Any = current  # a HasTransitions model
        from_status = flow.status
        if expected is not None and from_status != expected:
            raise ChangedMeanwhile(flow.transition_changed_meanwhile())
        if to_status not in flow.allowed_moves():
            raise NotAllowed(flow.transition_not_allowed(to_status))
        values = {**(changes(current) if changes else {}), "status": to_status}
        model._default_manager.filter(pk=obj.pk, status=from_status).update(**values)
        current.refresh_from_db(fields=list(values))
        flow.record_transition(from_status, to_status, by, at or timezone.now(), note)
        # update() sends no signal: the audit trail gets the move from here.
        audit.record_bulk(model, [current], user=by)
    for name in values:  # the caller's copy shows the move too
        field = model._meta.get_field(name)
        attname = field.attname if isinstance(field, models.Field) else name
        setattr(obj, attname, getattr(current, attname))
    return current
