"""One English word, two meanings: Django merges every app's catalogue into one, so a word
that means two things must carry its sense (a context) or one app's translation shows in
another's pages."""

import re

import pytest
from django.urls import reverse

from tests.conftest import client_for


def header(html: str) -> list[str]:
    head = re.search(r"<thead>(.*?)</thead>", html, re.S)
    assert head, "the page has no table header"
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", head[1], re.S)
    ]


@pytest.mark.parametrize(
    ("language", "person", "title"),
    [("ru", "Имя", "Название"), ("kk", "Аты-жөні", "Атауы"), ("en", "Name", "Name")],
)
def test_a_persons_name_and_a_things_name_read_right_in_each_language(
    client, manager, agent, language, person, title
):
    client.cookies["django_language"] = language
    manager_client = client_for(client, manager)
    # A VIP level and a venue have a name that is a title...
    assert title in header(manager_client.get(reverse("arrivals:vip_levels")).content.decode())
    assert title in header(manager_client.get(reverse("board:venues")).content.decode())
    # ...and the arrivals list sorts by a guest's name, a person's.
    page = manager_client.get(reverse("arrivals:today")).content.decode()
    sort = re.search(r'<select name="sort".*?</select>', page, re.S)
    assert sort and f'<option value="name">{person}</option>' in sort[0]
