"""Every list's FilterSet copies its declared filters for each request, cheaply: what one
request offers or builds never shows in another's."""

from datetime import date

from django.http import QueryDict

from arrivals.filters import StayFilter
from arrivals.models import Stay, VipLevel
from tests.requests_desk.factories import make_stay


def choices(filters: StayFilter, name: str) -> list[str]:
    return [value for value, _label in filters.form.fields[name].choices]


def test_one_requests_choices_never_show_in_anothers(db):
    gold = VipLevel(code="GOLD", name="Gold", rank=1)
    stays = Stay.objects.arriving_on(date(2031, 3, 3))
    first = StayFilter(QueryDict(""), stays, [gold], nationalities=["DE"], languages=["de"])
    second = StayFilter(QueryDict(""), stays, [], nationalities=["KZ"], languages=["kk"])
    assert "GOLD" in choices(first, "vip") and "GOLD" not in choices(second, "vip")
    assert "DE" in choices(first, "nationality") and "DE" not in choices(second, "nationality")
    assert "KZ" in choices(second, "nationality") and "KZ" not in choices(first, "nationality")
    # Each request builds its own form fields and binds method filters to itself.
    assert first.filters["vip"].field is not second.filters["vip"].field
    assert first.filters["vip"].filter.f is first.filters["vip"]
    assert first.filters["vip"].parent is first and second.filters["vip"].parent is second
    # The declared filters are left as declared.
    assert StayFilter.base_filters["vip"].extra["choices"] == ()
    assert not hasattr(StayFilter.base_filters["vip"], "_field")


def test_a_method_filter_filters_through_its_own_request(db):
    vip = make_stay(vip=True)
    plain_stay = make_stay()
    day = Stay.objects.arriving_on(vip.arrival_date)
    levels = list(VipLevel.objects.all())
    vip_only = StayFilter(QueryDict("vip=vip"), day, levels)
    not_vip = StayFilter(QueryDict("vip=none"), day, levels)
    everyone = StayFilter(QueryDict(""), day, levels)
    assert list(vip_only.qs) == [vip]
    assert list(not_vip.qs) == [plain_stay]
    assert set(everyone.qs) == {vip, plain_stay}
