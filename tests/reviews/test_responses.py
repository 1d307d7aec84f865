import datetime

import pytest
import time_machine
from django.utils import timezone

from reviews import report
from reviews.models import ResponseTemplate, Review, Topic
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 30, 12), tick=False):
        yield


def test_default_templates_cover_the_main_topics_in_three_languages():
    for code in (None, "cleanliness", "noise", "food", "staff", "checkin"):
        languages = set(
            ResponseTemplate.objects.filter(
                **({"topic__isnull": True} if code is None else {"topic__code": code})
            ).values_list("language", flat=True)
        )
        assert {"kk", "ru", "en"} <= languages, code


def test_placeholders_are_filled_from_the_guest_and_the_stay():
    guest = GuestFactory(first_name="Aigerim", last_name="Sadykova")
    stay = StayFactory(guest=guest, room="412", arrival_date=D(2026, 3, 2))
    review = ReviewFactory(text="Dirty room.", rating=4, guest=guest, stay=stay)
    template = ResponseTemplate(
        language="en", name="t", text="Dear {guest}: {room}, {arrival}-{departure}{stay}. {x}"
    )
    assert template.render(review) == (
        "Dear Aigerim Sadykova: 412, 02.03.2026-05.03.2026 in room 412 from 02.03.2026 to "
        "05.03.2026. {x}"
    )


def test_without_a_stay_the_author_is_named_and_the_stay_left_out():
    review = ReviewFactory(text="Грязно.", rating=4, author="Ольга", language="ru")
    template = ResponseTemplate.objects.get(language="ru", name="Чистота")
    text = template.render(review)
    assert text.startswith("Уважаемый(ая) Ольга,")
    assert "во время проживания номер был убран" in text and "{" not in text


def test_the_stay_phrase_is_in_the_templates_language():
    stay = StayFactory(room="7", arrival_date=D(2026, 3, 2))
    review = ReviewFactory(text="Lovely.", guest=stay.guest, stay=stay)
    kk = ResponseTemplate.objects.get(language="kk", name="Алғыс").render(review)
    ru = ResponseTemplate.objects.get(language="ru", name="Благодарность").render(review)
    assert "болғаныңыз (7-бөлме, 02.03.2026 – 05.03.2026) туралы" in kk
    assert "о проживании в номере 7 с 02.03.2026 по 05.03.2026." in ru


def test_the_manager_picks_a_template_on_the_respond_form(manager_client):
    stay = StayFactory(room="305", guest=GuestFactory(first_name="Dana", last_name="Ospan"))
    review = ReviewFactory(
        text="Very noisy at night.", rating=4, language="en", guest=stay.guest, stay=stay
    )
    page = manager_client.get(f"/reviews/{review.pk}/").content.decode()
    noise = ResponseTemplate.objects.get(language="en", topic__code="noise")
    food = ResponseTemplate.objects.get(language="en", topic__code="food")
    assert 'data-testid="template-picker"' in page
    assert f'value="{noise.pk}"' in page and f'value="{food.pk}"' not in page
    # The review's language comes first.
    assert page.index(f'value="{noise.pk}"') < page.index(
        str(ResponseTemplate.objects.get(language="kk", topic__code="noise").pk) + '"'
    )
    page = manager_client.get(f"/reviews/{review.pk}/?template={noise.pk}").content.decode()
    assert "Dear Dana Ospan," in page and "room 305" in page


def test_a_template_of_another_topic_or_unknown_is_ignored(manager_client):
    review = ReviewFactory(text="Very noisy at night.", rating=4, response="Our old answer")
    food = ResponseTemplate.objects.get(language="en", topic__code="food")
    for value in (str(food.pk), "abc", "999999"):
        page = manager_client.get(f"/reviews/{review.pk}/?template={value}").content.decode()
        assert "Our old answer" in page


def test_templates_are_edited_in_the_admin(administrator):
    from django.test import Client

    client = Client()
    client.force_login(administrator)
    topic = Topic.objects.get(code="wifi")
    response = client.post(
        "/admin/reviews/responsetemplate/add/",
        {"name": "Wi-Fi", "language": "en", "topic": topic.pk, "text": "Hi {guest}", "order": 5},
    )
    assert response.status_code == 302
    assert ResponseTemplate.objects.get(name="Wi-Fi").topic == topic


def _answered(source, day, hours):
    review = ReviewFactory(source=source, date=day, text="Fine.")
    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    Review.objects.filter(pk=review.pk).update(
        responded_at=midnight + datetime.timedelta(hours=hours)
    )


def test_the_median_time_to_respond_by_source_and_month():
    _answered("google", D(2026, 2, 3), 12)
    _answered("google", D(2026, 2, 10), 36)
    _answered("google", D(2026, 2, 11), 72)
    _answered("google", D(2026, 3, 1), 48)
    _answered("booking", D(2026, 3, 2), 24)
    ReviewFactory(source="booking", date=D(2026, 3, 3), text="Not answered yet.")
    figures = report.build(D(2026, 2, 1), D(2026, 3, 28))
    table = figures["by_source"]
    assert table["months"] == [D(2026, 2, 1), D(2026, 3, 1)]
    rows = {row["label"]: row["cells"] for row in table["rows"]}
    assert rows["Google"][0]["median_days"] == pytest.approx(1.5)
    assert rows["Google"][1]["median_days"] == pytest.approx(2.0)
    assert rows["Booking.com"][0] is None
    assert (rows["Booking.com"][1]["median_days"], rows["Booking.com"][1]["answered"]) == (1, 1)
    assert rows["Booking.com"][1]["count"] == 2


def test_the_report_page_shows_the_response_times(manager_client):
    _answered("google", D(2026, 3, 1), 36)
    page = manager_client.get("/reviews/report/?start=2026-03-01&end=2026-03-28")
    html = page.content.decode()
    assert 'data-testid="report-response-times"' in html
    assert "1.5 d" in html and "(1/1)" in html
