"""Model fields and abstract models the apps share, so each is declared once."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


def staff_user(
    verbose_name: StrOrPromise | None = None,
    *,
    blank: bool = True,
    related_name: str = "+",
) -> "models.ForeignKey[Any, Any]":
    """Who did something: a user, kept as empty when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=blank,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def optional_link(
    to: str | type[models.Model],
    verbose_name: StrOrPromise,
    *,
    related_name: str = "+",
    on_delete: Any = models.PROTECT,
) -> "models.ForeignKey[Any, Any]":
    """A link that may stay empty (a request without a stay, a digest without a level)."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class Timestamped(models.Model):
    """When a row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
