from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import cached_property, wraps
from math import ceil
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, F, Max, QuerySet, Value, Window
from django.db.models.functions import Concat, StrIndex
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from board import public_cache, services
from board.forms import (
    EventForm,
    ExceptionsFormSet,
    HoursFormSet,
    SearchForm,
    ServiceEntryForm,
    VenueForm,
    default_event_times,
)
from board.listing import (
    CardReader,
    card_sections,
    entry_cards,
    event_items,
    event_rows,
)
from board.models import (
    Category,
    Event,
    ServiceEntry,
    ServiceEntryQuerySet,
    Venue,
    hotel_midnight,
)
from board.ratelimit import rate_limited
from board.search import score_expression, words_of
from guestdesk import roles
from guestdesk.http import attach
from guestdesk.paging import PAGE_SIZE, printing
from guestdesk.roles import role_required
from guestdesk.translated import untranslated

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _day_param(request, name="day"):
    """A date from the query string, or today (hotel time) when absent or malformed."""
    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return timezone.localdate()


# The board's order: categories as Category lists them, then the entries' own order. A
# search puts the categories of the best matches first and, within a category, the better
# matches first. Entries of a category not in the list are not shown.
#
# A category's position is where ",value," starts in the list of every value joined the
# same way: one expression, where a CASE of one WHEN a category (13) cost Django about
# 0.8 ms a page to resolve and compile. Only its order counts; a value occurs once.
CATEGORY_LIST = Value(f",{','.join(Category.values)},")


def category_position() -> StrIndex:
    return StrIndex(CATEGORY_LIST, Concat(Value(","), F("category"), Value(",")))


def board_entries(
    public_only: bool = False, words: list[str] | None = None, fields: tuple[str, ...] = ()
) -> ServiceEntryQuerySet:
    """Service entries in the order a board page shows them; only matches of `words` if given.

    `fields`: read only these, as values_list() rows: the fields, then what the entries are
    sorted by (position, and for a search score and best), and what is annotated after.
    That is selected so ORDER BY names those columns: an expression sorted on without being
    selected is resolved and compiled by Django once more for ORDER BY (a search's score is
    up to ten conditions a word).
    """
    entries = ServiceEntry.objects.filter(category__in=Category.values)
    if public_only:
        entries = entries.public()
    if fields:
        # Rows of values, with the same queryset methods (public(), the filters); the columns
        # named as they are (title_kk), each row's language picked by the caller.
        entries = cast(ServiceEntryQuerySet, untranslated(entries).values_list(*fields))
    entries = entries.annotate(position=category_position())
    if not words:
        return entries.order_by("position", "order", "id")
    entries = (
        entries.annotate(score=score_expression(words))
        .filter(score__gt=0)
        .annotate(best=Window(Max("score"), partition_by=[F("category")]))
    )
    return entries.order_by("-best", "position", "-score", "order", "id")


def grouped_entries(
    entries: Iterable[Any], category_of: Callable[[Any], str] = attrgetter("category")
) -> list[tuple[str, "StrOrPromise", list[Any]]]:
    """[(category value, label, [entries])] of entries in board order (see `board_entries`).

    `entries` are service entries, or rows of their values with `category_of=itemgetter(...)`.
    """
    labels = dict(Category.choices)
    groups: list[tuple[str, StrOrPromise, list[Any]]] = []
    for entry in entries:
        category = category_of(entry)
        if not groups or groups[-1][0] != category:
            groups.append((category, labels[category], []))
        groups[-1][2].append(entry)
    return groups


def with_status(
    groups: list[tuple[str, "StrOrPromise", list[ServiceEntry]]], now: datetime
) -> list[tuple[str, "StrOrPromise", list[ServiceEntry]]]:
    """Attach whether each entry is open now and its hours today: only to the entries shown."""
    today = timezone.localtime(now).date()
    for _category, _label, entries in groups:
        for entry in entries:
            entry.status = entry.status_at(now)
            entry.today_hours = entry.hours_on(today)
    return groups


def information(now: datetime, public_only: bool = False) -> list[ServiceEntry]:
    """Every service entry of a board page with its hours, in board order (the guest page)."""
    today = timezone.localtime(now).date()
    # list() runs the query (and the prefetches) before the template renders.
    return list(board_entries(public_only).with_hours(today))


class CountedPaginator(Paginator):
    """A paginator told how many rows there are (counted along with the page's rows)."""

    def __init__(self, count: int, per_page: int) -> None:
        super().__init__((), per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def page_of(request, entries: QuerySet) -> tuple[list[tuple], Page | None, int]:
    """(rows shown, the page or None when printing, entries in all pages).

    `entries` are values_list() rows.
    The page is cut in the database: its query also counts the rows of every page, so a page
    costs the same queries as printing the whole board, and only the shown entries are loaded.
    """
    if printing(request):
        shown = list(entries)
        return shown, None, len(shown)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1  # not a number: the first page, as Paginator.get_page does
    counted = entries.annotate(rows_in_all_pages=Window(Count("pk")))
    start = (number - 1) * PAGE_SIZE
    # A number outside the pages (0, -3, 10**30) gives no rows, then the last page below.
    shown = list(counted[start : start + PAGE_SIZE]) if 1 <= number < 2**31 else []
    # The window's count, annotated last on every row of the page.
    count = shown[0][-1] if shown else 0
    if not shown and number != 1:
        # Past the last page (or before the first): the last one, as Paginator.get_page does.
        count = entries.count()
        number = max(ceil(count / PAGE_SIZE), 1)
        start = (number - 1) * PAGE_SIZE
        shown = list(entries[start : start + PAGE_SIZE])
    paginator = CountedPaginator(count, PAGE_SIZE)
    return shown, paginator.page(number), count


# Staff board ---------------------------------------------------------------------------


@role_required(*roles.READERS)
def index(request):
    now = timezone.now()
    today = timezone.localdate()
    form = SearchForm(request.GET or None)
    query, public_only = "", False
    if form.is_valid():
        query, public_only = form.cleaned_data["q"].strip(), form.cleaned_data["public_only"]
    words = words_of(query)
    card_of = CardReader()
    entries = board_entries(public_only, words, card_of.columns)
    if query and not words:
        entries = entries.none()
    shown, page, found = page_of(request, entries)
    cards = [card_of(row) for row in shown]
    groups = entry_cards(grouped_entries(cards), now)
    events = event_items(event_rows(Event.objects.on_day(today).order_by("starts_at")))
    return render(
        request,
        "board/index.html",
        {
            "form": form,
            "query": query,
            "groups": groups,
            "cards": card_sections(groups, roles.is_desk(request.user)),
            "found": found,
            "page": page,
            "printing": page is None,
            "events": events,
            "today": today,
            "now": now,
            "can_edit": roles.is_desk(request.user),
        },
    )


@role_required(*roles.READERS)
def day(request):
    day = _day_param(request)
    events = list(Event.objects.on_day(day).for_listing())
    return render(
        request,
        "board/day.html",
        {
            "day": day,
            "events": events,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "today": timezone.localdate(),
            "can_edit": roles.is_desk(request.user),
        },
    )


@role_required(*roles.READERS)
def week(request):
    first = _day_param(request, "start")
    first -= timedelta(days=first.weekday())  # weeks start on Monday
    days = [first + timedelta(days=n) for n in range(7)]
    events = list(
        Event.objects.between(
            hotel_midnight(first), hotel_midnight(first + timedelta(days=7))
        ).for_listing()
    )
    columns = []
    for each in days:
        start, end = hotel_midnight(each), hotel_midnight(each + timedelta(days=1))
        columns.append((each, [e for e in events if e.starts_at < end and e.ends_at > start]))
    return render(
        request,
        "board/week.html",
        {
            "columns": columns,
            "first": first,
            "last": days[-1],
            "previous": first - timedelta(days=7),
            "next": first + timedelta(days=7),
            "today": timezone.localdate(),
            "count": len(events),
            "can_edit": roles.is_desk(request.user),
        },
    )


@role_required(*roles.READERS)
def event_detail(request, pk):
    event = get_object_or_404(
        Event.objects.select_related(
            "venue", "created_by", "overlap_confirmed_by"
        ).prefetch_related("departments"),
        pk=pk,
    )
    return render(
        request,
        "board/event_detail.html",
        {"event": event, "can_edit": roles.is_desk(request.user)},
    )


def _overlap_message(clashes, can_confirm):
    listing = "; ".join(
        f"“{e.title}” {timezone.localtime(e.starts_at):%d.%m %H:%M}–"
        f"{timezone.localtime(e.ends_at):%d.%m %H:%M}"
        for e in clashes
    )
    message = _("%(venue)s is already booked at that time: %(events)s.") % {
        "venue": clashes[0].venue.name,
        "events": listing,
    }
    if can_confirm:
        return message + " " + _("Tick “Overlap on purpose” to keep both events.")
    return message + " " + _("Choose another venue or time, or ask a manager to confirm it.")


def _event_form(request, event=None):
    can_confirm = roles.is_manager(request.user)
    initial = default_event_times(_day_param(request)) if event is None else None
    form = EventForm(
        request.POST or None, instance=event, initial=initial, can_confirm_overlap=can_confirm
    )
    if request.method == "POST" and form.is_valid():
        confirm = can_confirm and form.cleaned_data.get("confirm_overlap", False)
        try:
            saved = services.save_event(form, request.user, confirm_overlap=confirm)
        except services.OverlapError as error:
            form.add_error(None, _overlap_message(error.events, can_confirm))
        else:
            messages.success(request, _("Event “%(title)s” saved.") % {"title": saved.title})
            return redirect("board:event_detail", pk=saved.pk)
    return render(request, "board/event_form.html", {"form": form, "event": event})


@role_required(*roles.DESK)
def event_create(request):
    return _event_form(request)


@role_required(*roles.DESK)
def event_edit(request, pk):
    return _event_form(request, get_object_or_404(Event, pk=pk))


@role_required(*roles.DESK)
@require_POST
def event_delete(request, pk):
    event = get_object_or_404(Event, pk=pk)
    day = timezone.localtime(event.starts_at).date()
    event.delete()
    messages.success(request, _("Event “%(title)s” deleted.") % {"title": event.title})
    return redirect(f"{reverse('board:day')}?day={day.isoformat()}")


def _entry_form(request, entry=None):
    data = request.POST or None
    form = ServiceEntryForm(data, instance=entry)
    target = entry or ServiceEntry()
    hours = HoursFormSet(data, instance=target, prefix="hours")
    exceptions = ExceptionsFormSet(data, instance=target, prefix="exceptions")
    if request.method == "POST" and all(f.is_valid() for f in (form, hours, exceptions)):
        with transaction.atomic():
            saved = form.save()
            for formset in (hours, exceptions):
                formset.instance = saved
                formset.save()
        messages.success(request, _("“%(title)s” saved.") % {"title": saved.title})
        return redirect(f"{reverse('board:index')}#entry-{saved.pk}")
    return render(
        request,
        "board/entry_form.html",
        {"form": form, "hours": hours, "exceptions": exceptions, "entry": entry},
    )


@role_required(*roles.DESK)
def entry_create(request):
    return _entry_form(request)


@role_required(*roles.DESK)
def entry_edit(request, pk):
    return _entry_form(request, get_object_or_404(ServiceEntry, pk=pk))


@role_required(*roles.DESK)
@require_POST
def entry_delete(request, pk):
    entry = get_object_or_404(ServiceEntry, pk=pk)
    entry.delete()
    messages.success(request, _("“%(title)s” deleted.") % {"title": entry.title})
    return redirect("board:index")


@role_required(*roles.READERS)
def venues(request):
    return render(
        request,
        "board/venues.html",
        {"venues": list(Venue.objects.all()), "can_edit": roles.is_desk(request.user)},
    )


def _venue_form(request, venue=None):
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Venue “%(name)s” saved.") % {"name": saved.name})
        return redirect("board:venues")
    return render(request, "board/venue_form.html", {"form": form, "venue": venue})


@role_required(*roles.DESK)
def venue_create(request):
    return _venue_form(request)


@role_required(*roles.DESK)
def venue_edit(request, pk):
    return _venue_form(request, get_object_or_404(Venue, pk=pk))


# Public guest pages --------------------------------------------------------------------


def guest_language(view):
    """`?lang=kk` picks the page's language and remembers it in the language cookie."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        chosen = request.GET.get("lang")
        if chosen not in dict(settings.LANGUAGES):
            return view(request, *args, **kwargs)
        with translation.override(chosen):
            request.LANGUAGE_CODE = chosen
            response = view(request, *args, **kwargs)
            response["Content-Language"] = chosen
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            chosen,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        return response

    return wrapped


def guest_page(view):
    """Public, rate-limited, language-aware: the shape of every guest-facing view."""
    return login_not_required(rate_limited(guest_language(view)))


def public_events(today, days=7):
    """Public events from the start of `today` for `days` days, grouped by local date."""
    events = list(
        Event.objects.public()
        .between(hotel_midnight(today), hotel_midnight(today + timedelta(days=days)))
        .select_related("venue")
        .order_by("starts_at")
    )
    by_day = []
    for offset in range(days):
        each = today + timedelta(days=offset)
        start, end = hotel_midnight(each), hotel_midnight(each + timedelta(days=1))
        items = [e for e in events if e.starts_at < end and e.ends_at > start]
        if items:
            by_day.append((each, items))
    return by_day


def _guest_context(request):
    now = timezone.now()
    today = timezone.localdate()
    groups = with_status(grouped_entries(information(now, public_only=True)), now)
    return {
        "today": today,
        "now": now,
        "days": public_events(today),
        "groups": groups,
        "hotel_address": settings.HOTEL_ADDRESS,
        "public_url": services.public_url(),
    }


@guest_page
def guest(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    body = public_cache.cached(
        "guest",
        language,
        lambda: render(request, "board/guest.html", _guest_context(request)).content,
    )
    return HttpResponse(body)


@guest_page
def guest_print(request):
    context = _guest_context(request)
    context["today_events"] = next(
        (items for each, items in context["days"] if each == context["today"]), []
    )
    return render(request, "board/guest_print.html", context)


@guest_page
def guest_ics(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    host = request.get_host()
    body = public_cache.cached(
        "ics",
        language,
        lambda: services.calendar_feed(services.feed_events(), language, host),
        vary=host,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    attach(response, "hotel-events.ics", inline=True)
    response["Cache-Control"] = "public, max-age=900"
    return response


@guest_page
def guest_qr(request):
    response = HttpResponse(services.qr_svg(services.public_url()), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@guest_page
def guest_qr_png(request):
    response = HttpResponse(services.qr_png(services.public_url()), content_type="image/png")
    attach(response, "guest-page-qr.png", inline=True)
    response["Cache-Control"] = "public, max-age=86400"
    return response
