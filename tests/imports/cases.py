"""The two importers as cases the contract tests run alike: a profile, rows, a count."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile


@dataclass
class Case:
    name: str
    header: list[str]
    profile: dict

    @property
    def importer(self) -> Any:
        from guestdesk.imports.registry import importer_for

        return importer_for(self.name)

    def rows(self, count: int, start: int = 1, text: str = "Тихий номер, Әсем қала") -> list[list]:
        raise NotImplementedError

    def stored(self) -> int:
        raise NotImplementedError

    def csv(self, rows: list[list], delimiter: str = ";") -> str:
        return "\r\n".join(delimiter.join(map(str, r)) for r in [self.header, *rows]) + "\r\n"

    def batch(self, content: bytes, name: str = "file.csv", **values: Any) -> Any:
        model = self.importer.batch_model
        batch = model(
            original_name=name,
            profile_settings=self.profile,
            status=model.Status.PENDING,
            trusted=True,
            **values,
        )
        batch.file.save(name, ContentFile(content), save=True)
        return batch


class StaysCase(Case):
    def rows(self, count, start=1, text="Тихий номер, Әсем қала"):
        return [
            [f"C{n}", f"Гость{n}", "Иван", "02.03.2026", "05.03.2026", text]
            for n in range(start, start + count)
        ]

    def stored(self):
        from arrivals.models import Stay

        return Stay.objects.count()


class ReviewsCase(Case):
    def rows(self, count, start=1, text="Тихий номер, Әсем қала"):
        return [
            [f"R{n}", "02.03.2026", "booking", "9", f"{text} {n}", f"Автор {n}"]
            for n in range(start, start + count)
        ]

    def stored(self):
        from reviews.models import Review

        return Review.objects.count()


STAYS = StaysCase(
    "stays",
    ["Conf", "Last", "First", "Arrival", "Departure", "Notes"],
    {
        "name": "Contract",
        "encoding": "utf-8",
        "delimiter": "",
        "date_format": "%d.%m.%Y",
        "source": "PMS",
        "columns": {
            "confirmation_number": "Conf",
            "last_name": "Last",
            "first_name": "First",
            "arrival_date": "Arrival",
            "departure_date": "Departure",
            "notes": "Notes",
        },
    },
)
REVIEWS = ReviewsCase(
    "reviews",
    ["ID", "Date", "Site", "Score", "Comment", "Name"],
    {
        "name": "Contract",
        "encoding": "utf-8",
        "delimiter": "",
        "date_format": "%d.%m.%Y",
        "columns": {
            "external_id": "ID",
            "date": "Date",
            "source": "Site",
            "rating": "Score",
            "text": "Comment",
            "author": "Name",
        },
    },
)
CASES = [STAYS, REVIEWS]
TODAY = datetime.datetime(2026, 3, 10, 12)
