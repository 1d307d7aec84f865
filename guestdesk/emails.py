"""The one way GuestDesk sends email: render three templates, keep the message, send later.

`templates/emails/<name>-subject.txt`, `<name>.txt` and `<name>.html` are rendered in the
recipient's language and stored as an OutboxMessage; a Celery task sends it after the
surrounding transaction commits (every task waits for the commit, see guestdesk.celery).
"""

from django.template.loader import render_to_string
from django.utils import translation

from guestdesk.models import OutboxMessage
from guestdesk.tasks import send_outbox_message

SENDABLE_LANGUAGES = ("kk", "ru", "en")


def message_language(language):
    """kk, ru and en are sent as they are; any other language gets English."""
    language = (language or "").lower()[:2]
    return language if language in SENDABLE_LANGUAGES else "en"


def render(name, context, language):
    """Render subject, text and HTML bodies of email `name` in `language`."""
    with translation.override(message_language(language)):
        # Subject and text are not HTML: the "text" engine does not escape "&" or quotes.
        subject = render_to_string(f"emails/{name}-subject.txt", context, using="text")
        text = render_to_string(f"emails/{name}.txt", context, using="text")
        html = render_to_string(f"emails/{name}.html", context)
    return " ".join(subject.split()), text, html


def queue_email(name, context, to, language, *, send=True):
    """Store email `name` for the addresses `to` and send it once the transaction commits.

    With send=False the caller sends it (e.g. a command that delivers in the foreground).
    """
    subject, text, html = render(name, context, language)
    message = OutboxMessage.objects.create(
        template=name,
        to=list(to),
        subject=subject,
        body_text=text,
        body_html=html,
        language=message_language(language),
    )
    if send:
        send_outbox_message.delay(message.pk)  # after the commit: see guestdesk.celery
    return message
