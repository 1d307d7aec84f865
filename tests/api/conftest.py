"""API fixtures: keys with chosen scopes and a client that sends them."""

import pytest
from rest_framework.test import APIClient

from api.models import SCOPES, ApiKey

ALL_SCOPES = tuple(SCOPES)


class KeyClient(APIClient):
    """A client that sends `Authorization: Api-Key <key>`; `.key` is the ApiKey row."""

    def __init__(self, secret: str, key: ApiKey) -> None:
        super().__init__(HTTP_AUTHORIZATION=f"Api-Key {secret}")
        self.secret = secret
        self.key = key


@pytest.fixture
def make_client(db):
    def make(*scopes, **fields):
        key, secret = ApiKey.objects.create_key(
            name=fields.pop("name", "PMS"), scopes=list(scopes), **fields
        )
        return KeyClient(secret, key)

    return make


@pytest.fixture
def pms(make_client):
    """The PMS integration: every scope."""
    return make_client(*ALL_SCOPES)


def stay_json(number="C-1001", **fields):
    """A stay as a PMS pushes it (the import profile's field names)."""
    return {
        "source": "OPERA",
        "confirmation_number": number,
        "first_name": "Asem",
        "last_name": "Nurlanova",
        "arrival_date": "2030-03-02",
        "departure_date": "2030-03-05",
        "room": "701",
        "adults": 2,
        "nationality": "KZ",
        "language": "kk",
        "email": "asem@example.kz",
        "phone": "+7 701 123 4567",
        "notes": "Flowers",
        **fields,
    }
