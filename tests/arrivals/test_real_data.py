"""Imports on the shape of real reservations (the shared hotel bookings sample)."""

import pytest

from arrivals import importer
from arrivals.models import Stay
from bench import arrivals_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_csv(tmp_path):
    if not arrivals_sample.available():
        pytest.skip(f"the shared bookings sample is not at {arrivals_sample.SAMPLE}")
    path = tmp_path / "pms.csv"
    arrivals_sample.write(path, limit=600)
    return path


def test_real_reservations_import_and_reimport_unchanged(sample_csv):
    first = importer.Importer(arrivals_sample.PROFILE).run(sample_csv, commit=True)
    counts = first["counts"]
    assert counts["created"] + counts["rejected"] == 600
    assert counts["created"] > 550  # only unknown or missing country codes are refused
    for row in first["rows"]:
        if row[1] == "rejected":
            assert "nationality" in row[4]
    assert Stay.objects.filter(status="cancelled").exists()
    assert Stay.objects.filter(status="departed").exists()
    again = importer.Importer(arrivals_sample.PROFILE).run(sample_csv, commit=True)
    assert again["counts"]["unchanged"] == counts["created"]
    assert again["counts"]["created"] == again["counts"]["updated"] == 0
