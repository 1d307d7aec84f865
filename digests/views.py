import datetime

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from digests import services
from digests.filters import DigestFilter
from digests.forms import AcknowledgeForm, SubscriptionForm
from digests.models import Digest, DigestSubscription
from guestdesk import roles
from guestdesk.http import safe_next
from guestdesk.models import Department
from guestdesk.tasks import retry_message


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Http404 from None


def _digest_for(user, pk):
    return get_object_or_404(
        Digest.objects.visible_to(user).select_related("department", "outbox", "created_by"),
        pk=pk,
    )


@roles.role_required(*roles.READERS)
def history(request):
    filters = DigestFilter(request.GET, Digest.objects.visible_to(request.user).for_history())
    if filters.form.errors:
        raise Http404  # a hand-made address with a date that is not one
    day = filters.values.get("date")
    digests = list(filters.qs[:200])  # runs the query before rendering
    return render(request, "digests/history.html", {"digests": digests, "day": day})


@roles.role_required(*roles.READERS)
def detail(request, pk):
    digest = _digest_for(request.user, pk)
    member = digest.department.members.filter(pk=request.user.pk).exists()
    return render(request, "digests/detail.html", {"digest": digest, "can_acknowledge": member})


# An email body carries its own inline styles (mail clients need them): this one response
# allows inline styles, and its sandbox keeps any script or form in it inert.
@csp_update({"style-src": ["'unsafe-inline'"], "sandbox": [""]})
def _email_page(html):
    return HttpResponse(html)


@roles.role_required(*roles.READERS)
def email_html(request, pk):
    """The HTML body exactly as sent (opened in its own tab, inline styles allowed)."""
    digest = _digest_for(request.user, pk)
    # csp_update's stubs take any function it wraps for a view (request first).
    return _email_page(digest.outbox.body_html if digest.outbox else "")  # type: ignore[arg-type]


@roles.role_required(*roles.MANAGERS)
@require_POST
def resend(request, pk):
    digest = _digest_for(request.user, pk)
    try:
        services.resend(digest, request.user)
    except services.DigestError:
        messages.error(
            request, _("%(department)s has no recipients.") % {"department": digest.department}
        )
    else:
        messages.success(
            request,
            _("A new copy is on its way to %(department)s.") % {"department": digest.department},
        )
    return redirect("digests:history")


@roles.role_required(*roles.MANAGERS)
@require_POST
def retry(request, pk):
    digest = _digest_for(request.user, pk)
    if digest.outbox_id and retry_message(digest.outbox_id):
        messages.success(request, _("The digest will be sent again."))
    else:
        messages.error(request, _("Only a digest that failed can be retried."))
    return redirect(safe_next(request, "digests:history"))


@roles.role_required(*roles.MANAGERS)
def subscriptions(request):
    departments = list(Department.objects.select_related("digest_subscription").order_by("name"))
    return render(request, "digests/subscriptions.html", {"departments": departments})


@roles.role_required(*roles.MANAGERS)
def subscription_edit(request, code):
    department = get_object_or_404(Department, code=code)
    subscription = DigestSubscription.objects.filter(department=department).first() or (
        DigestSubscription(department=department, language=department.language)
    )
    form = SubscriptionForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Digest settings of %(department)s saved.") % {"department": department}
        )
        return redirect("digests:subscriptions")
    return render(
        request, "digests/subscription_form.html", {"form": form, "department": department}
    )


def _subscription(code):
    department = get_object_or_404(Department, code=code)
    return DigestSubscription.objects.select_related("department", "min_vip_level").filter(
        department=department
    ).first() or DigestSubscription(department=department, language=department.language)


@roles.role_required(*roles.DESK)
def preview(request, code, day):
    subscription = _subscription(code)
    day = _day(day)
    subject, text, _html = services.preview(subscription, day)
    return render(
        request,
        "digests/preview.html",
        {
            "subscription": subscription,
            "day": day,
            "subject": subject,
            "text": text,
            "departments": Department.objects.order_by("name"),
        },
    )


@roles.role_required(*roles.DESK)
def preview_html(request, code, day):
    _subject, _text, html = services.preview(_subscription(code), _day(day))
    return _email_page(html)


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ack(request, token):
    """The link in a digest email: a page with one button; only pressing it records.

    Mail scanners open links (GET/HEAD): those change nothing.
    """
    try:
        link = services.read_ack_link(token)
    except services.BadAckLink:
        return render(request, "digests/ack.html", {"valid": False}, status=400)
    form = AcknowledgeForm(request.POST or None, addresses=link.addresses)
    context = {"valid": True, "digest": link.digest, "form": form, "first": None}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "digests/ack.html", context, status=400)
        context["first"] = services.acknowledge(
            link.digest, address=form.cleaned_data["address"], name=form.cleaned_data["name"]
        )
    return render(request, "digests/ack.html", context)


@roles.role_required(*roles.READERS)
@require_POST
def acknowledge(request, pk):
    """A member of the digest's department marks it as read from inside GuestDesk."""
    digest = _digest_for(request.user, pk)
    if not digest.department.members.filter(pk=request.user.pk).exists():
        raise PermissionDenied
    acknowledge_as_member(request, digest)
    return redirect("digests:detail", pk=digest.pk)


def acknowledge_as_member(request, digest) -> None:
    """`request.user`, a member of the digest's department, marks it read (and is told so)."""
    user = request.user
    name = user.get_full_name() or user.get_username()
    if services.acknowledge(digest, address=user.email, name=name, user=user):
        messages.success(request, _("The digest is marked as read."))
    else:
        messages.info(request, _("This digest was already marked as read."))
