"""The request board's filters are drawn once per key and kept in memory
(requests_desk/views.py, _filters_key): what a user sees in them still follows the desk's
agents, the suppliers, the language and the filters asked."""

import re

import pytest
from django.urls import reverse

from guestdesk import roles
from tests.conftest import client_for, make_user
from tests.pages import options
from tests.requests_desk.factories import make_request, make_supplier

pytestmark = pytest.mark.django_db


def board(client, **params) -> str:
    response = client.get(reverse("requests_desk:board"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_agent_and_a_renamed_agent_are_offered_at_once(
    agent_client, agent, django_user_model
):
    first = options(board(agent_client), "agent")
    assert first[0] == ("", "Anyone", True)  # nothing asked: "Anyone" is chosen
    assert (str(agent.pk), agent.get_full_name() or agent.username, False) in first
    newcomer = make_user(django_user_model, "aigerim", roles.AGENT, first_name="Aigerim")
    assert (str(newcomer.pk), "Aigerim", False) in options(board(agent_client), "agent")
    newcomer.last_name = "Nurlanova"
    newcomer.save()
    offered = options(board(agent_client), "agent")
    assert (str(newcomer.pk), "Aigerim Nurlanova", False) in offered
    assert (str(newcomer.pk), "Aigerim", False) not in offered
    newcomer.is_active = False
    newcomer.save()
    assert str(newcomer.pk) not in [
        value for value, _t, _s in options(board(agent_client), "agent")
    ]


def test_a_new_renamed_or_retired_supplier_shows_at_once(agent_client):
    board(agent_client)
    steppe = make_supplier(name="Steppe Transfers")
    assert (str(steppe.pk), "Steppe Transfers", False) in options(board(agent_client), "supplier")
    steppe.name = "Steppe Transfers & Tours"
    steppe.save()
    offered = options(board(agent_client), "supplier")
    # The drawn page escapes the name as Django does.
    assert (str(steppe.pk), "Steppe Transfers &amp; Tours", False) in offered
    steppe.active = False
    steppe.save()
    assert str(steppe.pk) not in [
        value for value, _t, _s in options(board(agent_client), "supplier")
    ]


def test_what_was_asked_is_shown_chosen_and_the_plain_board_forgets_it(agent_client, agent):
    steppe = make_supplier(name="Steppe Transfers")
    asked = board(agent_client, supplier=steppe.pk, type="transfer", mine="on")
    assert (str(steppe.pk), "Steppe Transfers", True) in options(asked, "supplier")
    assert ("transfer", "Transfer", True) in options(asked, "type")
    assert re.search(r'<input type="checkbox" name="mine"[^>]* checked', asked)
    plain = board(agent_client)
    assert (str(steppe.pk), "Steppe Transfers", False) in options(plain, "supplier")
    assert [value for value, _t, selected in options(plain, "type") if selected] == [""]
    assert not re.search(r'<input type="checkbox" name="mine"[^>]* checked', plain)


def test_the_filters_speak_the_users_language(agent_client):
    assert options(board(agent_client), "agent")[0] == ("", "Anyone", True)
    agent_client.cookies["django_language"] = "ru"
    russian = board(agent_client)
    assert options(russian, "agent")[0][1] != "Anyone"
    assert "Guest or number" not in russian
    agent_client.cookies["django_language"] = "en"
    assert "Guest or number" in board(agent_client)


def test_a_department_sees_no_desk_filters(client, department_member):
    page = board(client_for(client, department_member))
    assert '<select name="agent"' not in page and "board-filters" not in page


def test_an_agent_or_supplier_that_is_not_offered_filters_nothing(agent_client, agent):
    steppe = make_supplier(name="Steppe Transfers")
    retired = make_supplier(name="Old Cabs")
    retired.active = False
    retired.save()
    listed = make_request(created_by=agent)
    for asked in ({"agent": 999_999}, {"supplier": retired.pk}, {"supplier": "nonsense"}):
        page = board(agent_client, **asked)
        name = next(iter(asked))
        # The board is not narrowed, and no offered choice is shown as chosen.
        assert listed.number in page
        assert [value for value, _t, selected in options(page, name) if selected] in ([], [""])
        assert (str(steppe.pk), "Steppe Transfers", False) in options(page, "supplier")


def test_a_department_reads_no_agents_or_suppliers(
    client, department_member, django_assert_max_num_queries
):
    make_supplier(name="Steppe Transfers")
    department = client_for(client, department_member)
    with django_assert_max_num_queries(6) as captured:
        page = board(department)
    assert '<select name="agent"' not in page
    read = [query["sql"] for query in captured.captured_queries]
    assert not [sql for sql in read if sql.startswith('SELECT DISTINCT "auth_user"')]
    assert not [sql for sql in read if sql.startswith('SELECT "vendors_supplier"')]
