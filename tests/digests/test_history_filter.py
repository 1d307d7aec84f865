"""The digest history's date filter."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("digests:history")


def test_a_date_that_is_not_one_is_not_found(manager_client):
    assert manager_client.get(URL, {"date": "2026-02-30"}).status_code == 404


def test_no_date_lists_every_day_and_offers_no_reset_link(manager_client):
    response = manager_client.get(URL)
    assert response.status_code == 200
    assert response.context["day"] is None
    assert "All dates" not in response.content.decode()


def test_a_date_is_kept_in_the_picker(manager_client):
    response = manager_client.get(URL, {"date": "2026-03-02"})
    assert 'value="2026-03-02"' in response.content.decode()
    assert "All dates" in response.content.decode()
