import datetime

import pytest
from django.urls import reverse

from digests import services
from digests.models import Digest, DigestSubscription
from guestdesk.models import OutboxMessage
from tests.digests.conftest import DAY, subscribe

pytestmark = pytest.mark.django_db


def test_a_manager_sets_up_a_departments_subscription(manager_client):
    url = reverse("digests:subscription", kwargs={"code": "spa"})
    response = manager_client.post(
        url,
        {
            "enabled": "on",
            "send_time": "06:45",
            "language": "kk",
            "sections": ["vip", "occasions"],
            "recipients": "spa@hotel.example, spa2@hotel.example",
        },
    )
    assert response.status_code == 302
    sub = DigestSubscription.objects.get(department__code="spa")
    assert sub.send_time == datetime.time(6, 45)
    assert sub.sections == ["vip", "occasions"]
    assert sub.department.recipient_list == ["spa@hotel.example", "spa2@hotel.example"]


def test_the_subscription_form_explains_bad_input(manager_client):
    url = reverse("digests:subscription", kwargs={"code": "spa"})
    response = manager_client.post(
        url,
        {
            "enabled": "on",
            "send_time": "25:00",
            "language": "kk",
            "recipients": "not-an-address",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "is not a valid email address" in page
    assert "Enter a valid time." in page
    assert "Choose at least one section." in page
    assert not DigestSubscription.objects.filter(department__code="spa").exists()


def test_a_switched_on_digest_needs_a_recipient(manager_client):
    url = reverse("digests:subscription", kwargs={"code": "spa"})
    response = manager_client.post(
        url,
        {
            "enabled": "on",
            "send_time": "07:00",
            "language": "en",
            "sections": ["vip"],
            "recipients": "",
        },
    )
    assert "needs at least one recipient" in response.content.decode()


def test_agents_cannot_change_subscriptions(agent_client):
    url = reverse("digests:subscription", kwargs={"code": "spa"})
    response = agent_client.post(
        url,
        {
            "enabled": "on",
            "send_time": "07:00",
            "language": "en",
            "sections": ["vip"],
            "recipients": "x@hotel.example",
        },
    )
    assert response.status_code == 403
    assert not DigestSubscription.objects.filter(department__code="spa").exists()


def test_the_preview_shows_exactly_what_would_be_sent(agent_client, arrivals_day):
    sub = subscribe("housekeeping", ["vip"])
    response = agent_client.get(
        reverse("digests:preview", kwargs={"code": "housekeeping", "day": "2026-11-25"})
    )
    page = response.content.decode()
    subject, text, html = services.preview(sub, DAY)
    assert subject in page
    assert "Ерлан Қожахметов" in page
    html_page = agent_client.get(
        reverse("digests:preview_html", kwargs={"code": "housekeeping", "day": "2026-11-25"})
    )
    assert html_page.content.decode() == html.replace('href="#"', 'href="#"')
    assert "unsafe-inline" in html_page["Content-Security-Policy"]
    assert "sandbox" in html_page["Content-Security-Policy"]


def test_a_malformed_preview_date_is_not_found(agent_client):
    url = reverse("digests:preview", kwargs={"code": "housekeeping", "day": "2026-13-45"})
    assert agent_client.get(url).status_code == 404


def test_a_department_member_reads_only_their_departments_digests(department_client, mailoutbox):
    mine = subscribe("housekeeping", ["vip"])
    other = subscribe("security", ["vip", "security"])
    services.send_daily_digest(mine.department_id, DAY)
    services.send_daily_digest(other.department_id, DAY)
    theirs = Digest.objects.get(department=other.department)
    page = department_client.get(reverse("digests:history")).content.decode()
    assert 'data-department="housekeeping"' in page
    assert 'data-department="security"' not in page
    assert department_client.get(reverse("digests:detail", args=[theirs.pk])).status_code == 404
    assert department_client.get(reverse("digests:email_html", args=[theirs.pk])).status_code == 404
    assert department_client.post(reverse("digests:resend", args=[theirs.pk])).status_code == 403


def test_a_manager_retries_a_failed_digest(
    manager_client, mailoutbox, send_now, django_capture_on_commit_callbacks
):
    sub = subscribe("housekeeping", ["vip"])
    send_now(sub.department_id)
    digest = Digest.objects.get()
    OutboxMessage.objects.filter(pk=digest.outbox_id).update(
        status="failed", last_error="SMTPDataError: 554 rejected"
    )
    page = manager_client.get(reverse("digests:history")).content.decode()
    assert "SMTPDataError: 554 rejected" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("digests:retry", args=[digest.pk]))
    assert response.status_code == 302
    digest.outbox.refresh_from_db()
    assert digest.outbox.status == "sent"  # eager in tests: sent again at once
    assert len(mailoutbox) == 2


def test_retrying_a_digest_that_did_not_fail_is_refused(manager_client, mailoutbox, send_now):
    sub = subscribe("housekeeping", ["vip"])
    send_now(sub.department_id)
    digest = Digest.objects.get()
    response = manager_client.post(reverse("digests:retry", args=[digest.pk]), follow=True)
    assert "Only a digest that failed can be retried." in response.content.decode()
    assert len(mailoutbox) == 1


def test_the_vip_list_shows_each_departments_digest(manager_client, mailoutbox, send_now):
    sub = subscribe("housekeeping", ["vip"])
    subscribe("security", ["vip"])
    send_now(sub.department_id)
    page = manager_client.get(reverse("arrivals:vip_list", args=["2026-11-25"])).content.decode()
    assert 'data-testid="digest-status"' in page
    housekeeping_row = page.split('data-department="housekeeping"', 1)[1].split("</li>", 1)[0]
    security_row = page.split('data-department="security"', 1)[1].split("</li>", 1)[0]
    assert "sent" in housekeeping_row
    assert "not sent yet" in security_row


@pytest.mark.parametrize("count", [5, 50])
def test_the_history_runs_a_fixed_number_of_queries(
    count, manager_client, django_assert_max_num_queries
):
    sub = subscribe("housekeeping", ["vip"])
    for i in range(count):
        services.send_daily_digest(sub.department_id, DAY - datetime.timedelta(days=i))
    with django_assert_max_num_queries(12):
        response = manager_client.get(reverse("digests:history"))
    assert response.content.decode().count('data-department="housekeeping"') == count


def test_the_dashboard_shows_a_failed_digest_with_its_error(manager_client, send_now, mailoutbox):
    import time_machine

    sub = subscribe("housekeeping", ["vip"])
    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)):
        send_now(sub.department_id)
        OutboxMessage.objects.update(status="failed", last_error="SMTPDataError: 554 rejected")
        page = manager_client.get("/").content.decode()
    assert 'data-testid="failed-digest"' in page
    assert "SMTPDataError: 554 rejected" in page


def test_the_subscriptions_list_names_sections_in_the_users_language(manager_client):
    subscribe("food-beverage", ["vip", "dietary"])
    manager_client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    page = manager_client.get(reverse("digests:subscriptions")).content.decode()
    assert "VIP-заезды, Особенности питания и аллергии" in page
    assert "vip, dietary" not in page
