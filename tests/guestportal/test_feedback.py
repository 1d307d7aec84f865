"""The digital guest book: a score and words become a review; a low one alerts managers."""

import pytest
from django.urls import reverse

from guestdesk.models import OutboxMessage
from guestportal.links import token_for
from reviews.models import Review
from tests.guestportal.conftest import make_stay

pytestmark = pytest.mark.django_db


def url(stay, lang=""):
    path = reverse("guestportal:feedback", args=[token_for(stay)])
    return f"{path}?lang={lang}" if lang else path


@pytest.fixture
def manager_with_email(manager):
    manager.email = "gm@hotel.example"
    manager.save()
    return manager


def test_the_page_is_in_the_guests_language_without_javascript(client, stay):
    page = client.get(url(stay)).content.decode()
    assert "Қонақтар кітабы" in page
    assert 'type="radio"' in page and '<form method="post"' in page


def test_a_good_score_becomes_an_analysed_guest_book_review(client, stay, manager_with_email):
    text = "Номер тихий, завтрак отличный, персонал очень вежливый."
    response = client.post(url(stay, "ru"), {"score": 9, "text": text, "language": "ru"})
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.source == Review.Source.GUEST_BOOK
    assert (review.stay, review.guest) == (stay, stay.guest)
    assert (review.rating, review.scale, review.language) == (9, 10, "ru")
    assert review.text == text
    assert review.topics.exists()  # analysed like every other review
    assert not OutboxMessage.objects.filter(template="guestportal-low-score").exists()


def test_a_low_score_emails_the_managers_at_once(
    client, stay, manager_with_email, django_capture_on_commit_callbacks
):
    text = "<b>Qx-Zulu</b> шумно всю ночь"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(stay), {"score": 4, "text": text, "language": "ru"})
    message = OutboxMessage.objects.get(template="guestportal-low-score")
    assert message.to == ["gm@hotel.example"]
    assert "4/10" in message.subject and stay.guest.name in message.subject
    assert text in message.body_text
    assert "<b>Qx-Zulu</b>" not in message.body_html
    assert "&lt;b&gt;Qx-Zulu&lt;/b&gt;" in message.body_html


def test_the_threshold_is_a_setting(client, stay, manager_with_email, settings):
    settings.GUESTPORTAL_LOW_SCORE = 3
    client.post(url(stay), {"score": 4, "text": "So-so", "language": "en"})
    assert not OutboxMessage.objects.filter(template="guestportal-low-score").exists()


@pytest.mark.parametrize(
    "bad",
    [{"score": 0}, {"score": 11}, {"score": ""}, {"text": ""}, {"language": "de"}],
)
def test_bad_input_keeps_nothing(client, stay, bad):
    data = {"score": 8, "text": "Fine", "language": "en", **bad}
    assert client.post(url(stay), data).status_code == 200
    assert Review.objects.count() == 0


def test_a_robot_filling_the_honeypot_keeps_nothing(client, stay):
    data = {"score": 1, "text": "spam", "language": "en", "website": "x"}
    assert client.post(url(stay), data).status_code == 302
    assert Review.objects.count() == 0


def test_the_guests_words_are_escaped_where_staff_read_them(client, stay, agent_client):
    script = "<script>alert('Qx-Zulu')</script>"
    client.post(url(stay), {"score": 8, "text": script, "language": "en"})
    review = Review.objects.get()
    for page_url in (reverse("reviews:list"), reverse("reviews:review", args=[review.pk])):
        page = agent_client.get(page_url).content.decode()
        assert script not in page
    page = agent_client.get(reverse("reviews:review", args=[review.pk])).content.decode()
    assert "&lt;script&gt;" in page


def test_an_expired_link_cannot_write(client):
    stay = make_stay(status="no_show")
    response = client.post(url(stay), {"score": 10, "text": "x", "language": "en"})
    assert response.status_code == 404
    assert Review.objects.count() == 0
