from datetime import timedelta
from itertools import count

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from requests_desk.models import ServiceRequest
from tests.requests_desk.factories import make_request, make_stay, make_supplier

pytestmark = pytest.mark.django_db
BOARD = reverse("requests_desk:board")
_bulk = count()


def many(n, agent):
    """`n` open requests spread over types, stays, suppliers and agents, built quickly."""
    stays = [make_stay(vip=i % 2 == 0) for i in range(5)]
    suppliers = [make_supplier("transfer") for _ in range(3)]
    template = make_request("transfer", stay=stays[0], created_by=agent)
    now = timezone.now()
    rows = []
    for i in range(n - 1):
        rows.append(
            ServiceRequest(
                number=f"R-1999-{next(_bulk):06d}",
                type=["transfer", "taxi", "air", "theatre"][i % 4],
                stay=stays[i % 5],
                guest=stays[i % 5].guest,
                status=["new", "in_progress", "booked"][i % 3],
                due_at=now + timedelta(minutes=i * 7 - 300),
                supplier=suppliers[i % 3],
                assigned_to=agent if i % 2 else None,
                details=template.details,
                created_by=agent,
            )
        )
    ServiceRequest.objects.bulk_create(rows)


@pytest.mark.parametrize("n", [5, 500, 1500])
def test_the_board_runs_a_fixed_number_of_queries(
    n, agent, agent_client, django_assert_max_num_queries
):
    many(n, agent)
    agent_client.get(BOARD)  # warm caches (content types, sessions) out of the count
    with django_assert_max_num_queries(7) as captured:
        response = agent_client.get(BOARD)
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(n, 50)
    assert len(captured.captured_queries) <= 7


def test_the_same_queries_for_5_and_500_rows(agent, agent_client, django_assert_num_queries):
    many(5, agent)
    agent_client.get(BOARD)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        agent_client.get(BOARD + "?status=all")
    many(500, agent)
    with CaptureQueriesContext(connection) as five_hundred:
        agent_client.get(BOARD + "?status=all")
    assert len(five) == len(five_hundred)


def test_it_orders_open_requests_by_due_time_and_marks_overdue_and_due_soon(agent, agent_client):
    now = timezone.now()
    late = make_request("taxi", created_by=agent, due_at=now - timedelta(minutes=5))
    soon = make_request("taxi", created_by=agent, due_at=now + timedelta(minutes=30))
    later = make_request("taxi", created_by=agent, due_at=now + timedelta(hours=5))
    done = make_request("taxi", created_by=agent, status="done")
    response = agent_client.get(BOARD)
    rows = response.context["rows"]
    assert [r.number for r, *_ in rows] == [late.number, soon.number, later.number]
    assert done.number not in response.content.decode()
    html = response.content.decode()
    assert f'class="request-overdue" data-number="{late.number}"' in html
    assert f'class="request-due-soon" data-number="{soon.number}"' in html
    assert f'class="" data-number="{later.number}"' in html


def test_it_counts_requests_per_status(agent, agent_client):
    make_request("taxi", created_by=agent)
    make_request("taxi", created_by=agent, status="booked")
    make_request("taxi", created_by=agent, status="cancelled")
    counts = {tab.status: tab.number for tab in agent_client.get(BOARD).context["tabs"]}
    assert counts == {
        "new": 1,
        "in_progress": 0,
        "booked": 1,
        "done": 0,
        "cancelled": 1,
        "failed": 0,
    }


def test_it_filters_by_type_status_agent_supplier_guest_dates_and_mine(agent, agent2, agent_client):
    supplier = make_supplier("taxi")
    stay = make_stay(guest=None)
    stay.guest.last_name = "Zhaksylykov"
    stay.guest.save()
    tomorrow = timezone.now() + timedelta(days=1)
    # Due two days apart, so no hour of the day (23:50 on 31 December) puts both on one date.
    taxi = make_request(
        "taxi",
        stay=stay,
        created_by=agent,
        assigned_to=agent,
        supplier=supplier,
        due_at=tomorrow + timedelta(days=2),
    )
    theatre = make_request("theatre", created_by=agent, assigned_to=agent2, due_at=tomorrow)
    cancelled = make_request("taxi", created_by=agent, status="cancelled")

    def numbers(query):
        return {r.number for r, *_ in agent_client.get(BOARD + query).context["rows"]}

    assert numbers("") == {taxi.number, theatre.number}
    assert numbers("?type=theatre") == {theatre.number}
    assert numbers("?status=cancelled") == {cancelled.number}
    assert numbers("?status=all&type=taxi") == {taxi.number, cancelled.number}
    assert numbers(f"?agent={agent2.pk}") == {theatre.number}
    assert numbers(f"?supplier={supplier.pk}") == {taxi.number}
    assert numbers("?q=zhaksy") == {taxi.number}
    assert numbers(f"?q={theatre.number}") == {theatre.number}
    day = timezone.localtime(tomorrow).date().isoformat()
    assert numbers(f"?due_from={day}&due_to={day}") == {theatre.number}
    assert numbers("?mine=on") == {taxi.number}


def test_it_paginates(agent, agent_client):
    many(120, agent)
    page = agent_client.get(BOARD).context["page"]
    assert page.paginator.num_pages == 3
    response = agent_client.get(BOARD + "?page=3")
    assert len(response.context["rows"]) == 20
    assert "Page 3 of 3" in response.content.decode()


def test_a_department_member_sees_only_routed_types_read_only(agent, transport_member, client):
    transfer = make_request("transfer", created_by=agent)
    taxi = make_request("taxi", created_by=agent)
    air = make_request("air", created_by=agent)
    permit = make_request("permit", created_by=agent)
    client.force_login(transport_member)
    response = client.get(BOARD)
    shown = {r.number for r, *_ in response.context["rows"]}
    assert shown == {transfer.number, taxi.number}
    assert air.number not in response.content.decode()
    assert reverse("requests_desk:create") not in response.content.decode()
    page = client.get(transfer.get_absolute_url())
    assert page.status_code == 200
    assert reverse("requests_desk:edit", args=[transfer.number]) not in page.content.decode()
    assert 'data-testid="actions"' not in page.content.decode()
    # Guessing the URL of a request outside the department's reach: 404, not 403.
    assert client.get(air.get_absolute_url()).status_code == 404
    assert client.get(permit.get_absolute_url()).status_code == 404
    assert client.get(reverse("requests_desk:detail", args=["R-2026-999999"])).status_code == 404
    # Read-only: every write is refused.
    assert client.get(reverse("requests_desk:edit", args=[transfer.number])).status_code == 403
    post = client.post(
        reverse("requests_desk:status", args=[transfer.number]),
        {"to_status": "cancelled", "expected": "new", "reason": "x"},
    )
    assert post.status_code == 403
    transfer.refresh_from_db()
    assert transfer.status == "new"


def test_housekeeping_sees_no_requests(agent, department_client):
    r = make_request("transfer", created_by=agent)
    assert department_client.get(BOARD).context["rows"] == []
    assert department_client.get(r.get_absolute_url()).status_code == 404


def test_a_user_without_a_role_is_refused(agent, client, outsider):
    r = make_request("transfer", created_by=agent)
    client.force_login(outsider)
    assert client.get(BOARD).status_code == 403
    assert client.get(r.get_absolute_url()).status_code == 403


@time_machine.travel("2026-03-10 09:00 +05:00", tick=False)
def test_the_dashboard_card_counts_overdue_due_soon_and_mine(agent, agent_client):
    now = timezone.now()
    make_request("taxi", created_by=agent, due_at=now - timedelta(minutes=1), assigned_to=agent)
    make_request("taxi", created_by=agent, due_at=now + timedelta(minutes=59))
    make_request("taxi", created_by=agent, due_at=now + timedelta(hours=3))
    make_request("taxi", created_by=agent, due_at=now - timedelta(hours=3), status="done")
    html = agent_client.get(reverse("dashboard")).content.decode()
    card = html.split('data-testid="card-requests"')[1]
    assert 'data-testid="requests-overdue">Overdue <span class="badge text-bg-danger">1<' in card
    assert '<span class="badge text-bg-warning">1<' in card
    assert 'data-testid="requests-mine">Mine, open <span class="badge text-bg-primary">1<' in card


def test_the_board_nav_item_shows_for_every_role(department_client):
    html = department_client.get(reverse("dashboard")).content.decode()
    assert 'data-nav="requests_desk:board"' in html


def test_allowed_moves_match_the_buttons(agent, agent_client):
    r = make_request("taxi", created_by=agent)
    html = agent_client.get(r.get_absolute_url()).content.decode()
    for move in r.allowed_moves():
        assert f'data-move="{move}"' in html
    assert 'data-move="done"' not in html


@pytest.mark.parametrize(
    "language,texts",
    [
        ("ru", ["Заявки гостей", "Открытые", "Новая", "Просрочены"]),
        ("kk", ["Қонақтардың тапсырыстары", "Ашық", "Жаңа"]),
    ],
)
def test_the_board_speaks_russian_and_kazakh(language, texts, agent, agent_client, settings):
    make_request("taxi", created_by=agent, due_at=timezone.now() - timedelta(minutes=5))
    agent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = agent_client.get(BOARD).content.decode()
    for text in texts:
        assert text in html


def test_the_rows_read_as_values_say_what_the_requests_say(agent, agent2, agent_client):
    from requests_desk.board_rows import board_rows
    from requests_desk.templatetags.requests_desk import person, service_when

    now = timezone.now()
    agent2.first_name, agent2.last_name = "Aigerim", "Sadykova"
    agent2.save()
    supplier = make_supplier("taxi", name="Qx-Zulu Cabs")
    made = [
        make_request("transfer", stay=make_stay(vip=True), created_by=agent, assigned_to=agent2),
        make_request("taxi", created_by=agent, supplier=supplier, priority="urgent"),
        make_request("permit", created_by=agent, due_at=now - timedelta(minutes=5)),
        make_request(
            "other",
            walk_in_name="Walk-in Guest",
            created_by=agent,
            assigned_to=agent,
            from_guest=True,
            due_at=now + timedelta(minutes=20),
        ),
        make_request(
            "car_hire", created_by=agent, status="booked", due_at=now - timedelta(hours=1)
        ),
    ]
    guest_only = make_request("theatre", created_by=agent)
    guest_only.guest, guest_only.stay = guest_only.stay.guest, None
    guest_only.save()
    made.append(guest_only)
    rows = {row.number: row for row in board_rows(ServiceRequest.objects.all(), now)}
    assert len(rows) == len(made)
    for r in ServiceRequest.objects.select_related("stay__vip_level").filter(
        pk__in=[m.pk for m in made]
    ):
        row = rows[r.number]
        assert row.url == r.get_absolute_url()
        assert row.guest_name == r.guest_name
        assert row.due == timezone.localtime(r.due_at).strftime("%d.%m %H:%M")
        assert row.when == service_when(r, "short")
        assert row.route == r.route()
        assert (row.agent or "—") == person(r.assigned_to, "—")
        assert row.supplier == (r.supplier.name if r.supplier else None)
        assert row.type_text == r.get_type_display()
        assert row.status_text == r.get_status_display()
        assert row.priority_text == r.get_priority_display()
        assert (row.overdue, row.soon) == (r.is_overdue(now), r.is_due_soon(now))
        level = r.stay.vip_level if r.stay else None
        assert (row.vip_code, row.vip_colour) == (
            (level.code, level.colour) if level else (None, None)
        )
        assert row.room == (r.stay.room if r.stay else None)


def _tab_badges(html):
    """{status ("" for Open): (count as shown, its title or None)} of the board's tabs."""
    tabs = html.split('data-testid="status-counts"')[1].split("</ul>")[0]
    badges = {}
    for item in tabs.split('<li class="nav-item">')[1:]:
        status = item.split('data-status="')[1].split('"')[0] if "data-status" in item else ""
        badge = item.split('<span class="badge text-bg-light"')[1]
        title = badge.split('title="')[1].split('"')[0] if "title=" in badge else None
        badges[status] = (badge.split(">", 1)[1].split("</span>")[0], title)
    return badges


@pytest.mark.parametrize(
    "language,more_than",
    [("en", "More than 999 requests"), ("ru", "Более 999 заявок"), ("kk", "999-дан астам")],
)
def test_a_tab_with_more_than_999_requests_shows_999_plus(
    language, more_than, agent, agent_client, settings
):
    many(2998, agent)  # 1,000 new, 999 in progress, 999 booked
    agent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    badges = _tab_badges(agent_client.get(BOARD).content.decode())
    assert badges["new"][0] == "999+" and more_than in badges["new"][1]
    assert badges[""][0] == "999+" and more_than in badges[""][1]
    # Up to 999 a count is exact, and says nothing more.
    assert badges["in_progress"] == ("999", None)
    assert badges["booked"] == ("999", None)
    assert badges["done"] == ("0", None)


def test_small_counts_stay_exact(agent, agent_client):
    many(7, agent)  # 3 new, 2 in progress, 2 booked
    make_request("taxi", created_by=agent, status="done")
    badges = _tab_badges(agent_client.get(BOARD).content.decode())
    assert badges == {
        "": ("7", None),
        "new": ("3", None),
        "in_progress": ("2", None),
        "booked": ("2", None),
        "done": ("1", None),
        "cancelled": ("0", None),
        "failed": ("0", None),
    }


def _numbers_by_due(start, end, **filters):
    query = ServiceRequest.objects.filter(**filters).order_by("due_at", "pk")
    return list(query.values_list("number", flat=True)[start:end])


def test_paging_past_the_counted_tabs_goes_on_with_previous_and_next(agent, agent_client):
    many(2998, agent)
    open_ = {"status__in": ["new", "in_progress", "booked"]}

    def page(number):
        response = agent_client.get(BOARD, {"page": number})
        html = response.content.decode()
        pager = html.split('data-testid="pager"')[1].split("</nav>")[0]
        return [r.number for r, *_ in response.context["rows"]], pager

    # The list is longer than the tabs count: no number of pages, Next while rows follow.
    numbers, pager = page(1)
    assert numbers == _numbers_by_due(0, 50, **open_)
    assert "Page 1<" in pager and " of " not in pager
    assert "page=2" in pager and "Previous" not in pager
    # Far past the 20 pages the tabs' 999+ could tell, the rows follow on in due order.
    numbers, pager = page(31)
    assert numbers == _numbers_by_due(1500, 1550, **open_)
    assert "Page 31<" in pager and "page=30" in pager and "page=32" in pager
    # The last page: 2,998 requests leave 48 on page 60, and no Next.
    numbers, pager = page(60)
    assert numbers == _numbers_by_due(2950, 3000, **open_) and len(numbers) == 48
    assert "page=59" in pager and "Next" not in pager
    # Past the last page: the last one, counted exactly, as a Django page does.
    numbers, pager = page(75)
    assert len(numbers) == 48
    assert "Page 60 of 60" in pager


def test_a_tab_under_the_cap_keeps_its_number_of_pages(agent, agent_client):
    many(2998, agent)
    response = agent_client.get(BOARD, {"status": "booked", "page": 20})
    assert [r.number for r, *_ in response.context["rows"]] == _numbers_by_due(
        950, 1000, status="booked"
    )
    assert "Page 20 of 20" in response.content.decode()


def test_paging_speaks_russian(agent, agent_client, settings):
    many(2998, agent)
    agent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = agent_client.get(BOARD, {"page": 2}).content.decode()
    assert "Страница 2<" in html and "Назад" in html and "Далее" in html


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("abc", 1), ("-3", 1), ("0", 1), ("", 1), ("99999999999999999999", 2)],
)
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(
    agent, agent_client, asked, shown
):
    """A typed or edited page number never errors: nonsense is the first page, a number past
    the end (even one beyond the database's integers) the last."""
    many(60, agent)
    response = agent_client.get(BOARD, {"page": asked})
    assert response.status_code == 200
    assert response.context["page"].number == shown
    assert len(response.context["rows"]) == (50 if shown == 1 else 10)
