"""Password spraying: one address trying many user names is stopped, real users are not."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def fail(client, username):
    return client.post(LOGIN, {"username": username, "password": "wrong"})


@pytest.fixture
def limits(settings):
    settings.AXES_USER_FAILURE_LIMIT = 3
    settings.AXES_IP_FAILURE_LIMIT = 8
    return settings


def test_password_spraying_locks_the_address_across_user_names(limits, agent):
    sprayer = Client(REMOTE_ADDR="203.0.113.9")
    for i in range(limits.AXES_IP_FAILURE_LIMIT - 1):
        response = fail(sprayer, f"user{i}")  # a new user name each time: under 3 per name
        assert response.status_code == 200, i
    assert fail(sprayer, "one-more").status_code == 429  # the failure that reaches the limit
    locked = sprayer.post(LOGIN, {"username": "agent", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # The agent at the front desk still logs in.
    desk = Client(REMOTE_ADDR="10.0.0.5")
    assert desk.post(LOGIN, {"username": "agent", "password": PASSWORD}).status_code == 302


def test_a_few_mistakes_on_a_shared_desk_lock_no_one_else(limits, django_user_model):
    for name in ("aigerim", "nurlan", "olga"):
        make_user(django_user_model, name)
    desk = Client(REMOTE_ADDR="10.0.0.5")
    for name in ("aigerim", "nurlan"):
        for _ in range(limits.AXES_USER_FAILURE_LIMIT - 1):
            fail(desk, name)
    # 4 failures from the desk, under the address limit: everyone still logs in there.
    assert desk.post(LOGIN, {"username": "olga", "password": PASSWORD}).status_code == 302


def test_the_user_name_limit_still_applies_on_one_address(limits, agent):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(limits.AXES_USER_FAILURE_LIMIT):
        fail(attacker, "agent")
    assert attacker.post(LOGIN, {"username": "agent", "password": PASSWORD}).status_code == 429
    # Another user name from the same address is not locked by the agent's count.
    make_user_client = Client(REMOTE_ADDR="203.0.113.9")
    response = make_user_client.post(LOGIN, {"username": "someone", "password": "wrong"})
    assert response.status_code == 200


def test_the_default_limits(settings):
    assert settings.AXES_USER_FAILURE_LIMIT == 5
    assert settings.AXES_IP_FAILURE_LIMIT == 30
