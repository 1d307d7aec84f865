"""Header injection: a file name never breaks or extends Content-Disposition."""

import pytest
from django.urls import reverse

from arrivals.models import ImportProfile

pytestmark = pytest.mark.django_db
COLUMNS = {"confirmation_number": "Conf", "last_name": "Name", "arrival_date": "Arr",
           "departure_date": "Dep"}  # fmt: skip


def download(client, name):
    profile = ImportProfile.objects.create(name=name, columns=COLUMNS)
    return client.get(reverse("arrivals:profile_json", args=[profile.pk]))


def test_a_line_break_in_a_profile_name_downloads(agent_client):
    response = download(agent_client, "Fidelio\r\nSet-Cookie: x=1")
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert "\n" not in header and "\r" not in header
    assert not response.cookies.get("x")


def test_a_quote_in_a_profile_name_adds_no_second_file_name(agent_client):
    response = download(agent_client, 'Opera"; filename="evil.exe')
    header = response["Content-Disposition"]
    assert header == 'attachment; filename="Opera\\"; filename=\\"evil.exe.json"'


def test_a_cyrillic_profile_name_is_encoded(agent_client):
    response = download(agent_client, "Отель")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D0%9E%D1%82%D0%B5%D0%BB%D1%8C.json"
    )
