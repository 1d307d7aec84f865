import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_it_logs_an_agent_in(client, agent):
    response = client.post("/accounts/login/", {"username": "agent", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Today at the desk" in client.get("/").content.decode()


def test_it_explains_a_wrong_password(client, agent):
    response = client.post("/accounts/login/", {"username": "agent", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_it_locks_an_address_after_repeated_failures_but_not_other_addresses(agent, settings):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_USER_FAILURE_LIMIT):
        attacker.post("/accounts/login/", {"username": "agent", "password": "wrong"})
    locked = attacker.post("/accounts/login/", {"username": "agent", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()

    front_desk = Client(REMOTE_ADDR="10.0.0.5")
    response = front_desk.post("/accounts/login/", {"username": "agent", "password": PASSWORD})
    assert response.status_code == 302


def test_a_post_without_csrf_token_is_refused(agent):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "agent", "password": PASSWORD})
    assert response.status_code == 403


def test_logout_ends_the_session(agent_client):
    agent_client.post("/accounts/logout/")
    assert agent_client.get("/").status_code == 302


def test_password_change(agent_client):
    response = agent_client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Qazaq-2026-desk",
            "new_password2": "Qazaq-2026-desk",
        },
    )
    assert response.status_code == 302
    response = Client().post(
        "/accounts/login/", {"username": "agent", "password": "Qazaq-2026-desk"}
    )
    assert response.status_code == 302


def test_a_user_with_no_role_sees_no_navigation(client, outsider):
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert 'data-nav="' not in page


def test_the_administrator_sees_the_admin_link(admin_client):
    assert 'data-nav="admin"' in admin_client.get("/").content.decode()


def test_an_agent_does_not_see_the_admin_link(agent_client):
    assert 'data-nav="admin"' not in agent_client.get("/").content.decode()


def test_role_groups_exist_with_exact_names():
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Agent", "Manager", "Department member", "Administrator"} <= names


def test_seed_departments_exist():
    from guestdesk.models import Department

    codes = set(Department.objects.values_list("code", flat=True))
    assert codes >= {
        "front-office",
        "housekeeping",
        "food-beverage",
        "security",
        "transport",
        "spa",
        "management",
    }


def test_the_interface_speaks_kazakh_after_switching(agent_client):
    response = agent_client.post("/i18n/setlang/", {"language": "kk", "next": "/"})
    assert response.status_code == 302
    page = agent_client.get("/").content.decode()
    assert '<html lang="kk">' in page
    assert "Бақылау тақтасы" in page  # "Dashboard"


def test_the_interface_speaks_russian(agent_client):
    agent_client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert "Панель" in agent_client.get("/").content.decode()


def test_only_the_most_specific_navigation_item_is_active(manager_client):
    page = manager_client.get("/digests/").content.decode()
    assert 'nav-link active" href="/digests/"' in page
    assert 'nav-link active" href="/arrivals/"' not in page


def test_the_login_redirect_keeps_the_query_string(client):
    response = client.get("/arrivals/guests/", {"q": "Abay"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/arrivals/guests/%3Fq%3DAbay"


def test_an_unknown_address_is_not_found_for_anonymous_visitors_too(client):
    assert client.get("/no-such-page/").status_code == 404


def test_a_signed_digest_link_opens_without_login_and_refuses_a_forged_token(client):
    response = client.get("/digests/ack/forged-token/")
    assert response.status_code == 400
    assert "/accounts/login/" not in response.get("Location", "")


def test_the_admin_login_page_opens_without_login(client):
    assert client.get("/admin/login/").status_code == 200


def test_the_admin_itself_still_asks_for_a_login(client):
    # The admin guards its own pages and sends visitors to its own login form.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
