"""The one way GuestDesk sends email: render three templates, keep the message, send later.

`templates/emails/<name>-subject.txt`, `<name>.txt` and `<name>.html` are rendered in the
recipient's language and stored as an OutboxMessage; a Celery task sends it after the
surrounding transaction commits (every task waits for the commit, see guestdesk.celery).
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from guestdesk.models import EmailClaim, OutboxMessage
from guestdesk.tasks import send_outbox_message

SENDABLE_LANGUAGES = ("kk", "ru", "en")


def message_language(language: str | None) -> str:
    """kk, ru and en are sent as they are; any other language gets English."""
    language = (language or "").lower()[:2]
    return language if language in SENDABLE_LANGUAGES else "en"


def render(name: str, context: Mapping[str, Any], language: str | None) -> tuple[str, str, str]:
    """Render subject, text and HTML bodies of email `name` in `language`."""
    with translation.override(message_language(language)):
        # Subject and text are not HTML: the "text" engine does not escape "&" or quotes.
        subject = render_to_string(f"emails/{name}-subject.txt", context, using="text")
        text = render_to_string(f"emails/{name}.txt", context, using="text")
        html = render_to_string(f"emails/{name}.html", context)
    # The text engine does not escape, yet marks what it renders safe: hand the text body
    # on as a plain str, so that a page showing it (the digest preview) escapes it.
    return " ".join(subject.split()), str.__str__(text), html


def queue_email(
    name: str,
    context: Mapping[str, Any],
    to: Iterable[str],
    language: str | None,
    *,
    send: bool = True,
    dedup_key: str | None = None,
    again: bool = False,
) -> OutboxMessage:
    """Store email `name` for the addresses `to` and send it once the transaction commits.

    With send=False the caller sends it (e.g. a command that delivers in the foreground).
    dedup_key: the same document (same key, subject and text) to the same addresses within
    EMAIL_DEDUP_MINUTES is queued once: the earlier message comes back with
    `deduplicated = True`. again=True sends it anyway (the agent asked for another copy).
    """
    subject, text, html = render(name, context, language)
    fields: dict[str, Any] = {
        "template": name,
        "to": list(to),
        "subject": subject,
        "body_text": text,
        "body_html": html,
        "language": message_language(language),
    }
    if dedup_key is None:
        return _store(fields, send)
    document = json.dumps([dedup_key, sorted(fields["to"]), subject, text])
    key = hashlib.sha256(document.encode()).hexdigest()
    window = timedelta(minutes=settings.EMAIL_DEDUP_MINUTES)
    with transaction.atomic():
        # Lock the document's row; the first send of a document inserts it, and a
        # concurrent first send waits on that insert, then finds the row and locks it.
        claim = EmailClaim.objects.select_for_update().filter(key=key).first()
        if claim is None:
            try:
                with transaction.atomic():
                    claim = EmailClaim.objects.create(key=key)
            except IntegrityError:
                claim = EmailClaim.objects.select_for_update().get(key=key)
        recent = claim.message_id and claim.claimed_at >= timezone.now() - window
        if recent and not again and claim.message is not None:
            earlier = claim.message
            earlier.deduplicated = True
            return earlier
        message = _store(fields, send)
        claim.message, claim.claimed_at = message, timezone.now()
        claim.save(update_fields=["message", "claimed_at"])
        return message


def _store(fields: dict[str, Any], send: bool) -> OutboxMessage:
    message = OutboxMessage.objects.create(**fields)
    message.deduplicated = False
    if send:
        send_outbox_message.delay(message.pk)  # after the commit: see guestdesk.celery
    return message
