"""The request board's filters (GET), as a FilterSet over ServiceRequest."""

from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from guestdesk.filters import CheckboxFilter, ListFilterSet
from guestdesk.forms import small_controls
from requests_desk import details
from requests_desk.forms import UserChoiceField
from requests_desk.models import OPEN_STATUSES, ServiceRequestQuerySet, Status
from requests_desk.types import RequestType

STATUS_CHOICES = [
    ("", pgettext_lazy("requests", "Open")),
    ("all", pgettext_lazy("requests", "All")),
    *Status.choices,
]


class BoardFilterForm(forms.Form):
    """Every field is optional and bad values are ignored; compact Bootstrap widgets."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        small_controls(self)


class AgentFilter(django_filters.Filter):
    field_class = UserChoiceField


class SupplierFilter(django_filters.Filter):
    field_class = forms.ModelChoiceField


class BoardFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Guest or number"), max_length=100, method="search")
    type = django_filters.ChoiceFilter(
        label=_("Type"), choices=[("", _("All types")), *RequestType.choices], empty_label=None
    )
    # Applied in finish(), after the board has counted the requests of every status.
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=None
    )
    agent = AgentFilter(
        label=_("Agent"),
        field_name="assigned_to",
        queryset=None,
        empty_label=_("Anyone"),
    )
    supplier = SupplierFilter(
        label=_("Supplier"),
        queryset=None,
        empty_label=_("Any supplier"),
    )
    due_from = django_filters.DateFilter(
        label=_("Due from"),
        field_name="due_at",
        lookup_expr="date__gte",
        widget=details.DateInput(),
    )
    due_to = django_filters.DateFilter(
        label=_("Due to"), field_name="due_at", lookup_expr="date__lte", widget=details.DateInput()
    )
    mine = CheckboxFilter(label=_("Mine"), method="only_mine")

    finish_fields = ("status",)

    class Meta:
        form = BoardFilterForm

    def __init__(
        self,
        data: QueryDict | None,
        queryset: QuerySet,
        *,
        request: HttpRequest,
        agents: QuerySet,
        suppliers: QuerySet,
    ):
        super().__init__(data, queryset, request=request)
        self.filters["agent"].extra["queryset"] = agents
        self.filters["supplier"].extra["queryset"] = suppliers
        self._agents, self._suppliers = agents, suppliers

    # What the agent and supplier selects offer, read once as plain values when the page
    # draws the filters (the desk's only): they key the drawn form (requests_desk/views.py,
    # _filters_key) and fill the selects without reading every user and supplier as a
    # model again. The querysets still check a value asked for.
    @cached_property
    def offered_agents(self) -> list[tuple[int, str]]:
        values = self._agents.values_list("pk", "first_name", "last_name", "username")
        # As User.get_full_name(), or the user name.
        return [(pk, f"{first} {last}".strip() or name) for pk, first, last, name in values]

    @cached_property
    def offered_suppliers(self) -> list[tuple[int, str]]:
        return list(self._suppliers.values_list("pk", "name"))

    @property
    def form(self) -> forms.Form:
        if not hasattr(self, "_form"):
            form = super().form
            _offer(form.fields["agent"], lambda: self.offered_agents)
            _offer(form.fields["supplier"], lambda: self.offered_suppliers)
        return self._form

    def search(
        self, requests: ServiceRequestQuerySet, name: str, value: str
    ) -> ServiceRequestQuerySet:
        return requests.search(value)

    def only_mine(self, requests: QuerySet, name: str, value: bool) -> QuerySet:
        return requests.filter(assigned_to=self.request.user) if value else requests

    def shown_statuses(self) -> tuple[str, ...]:
        """The statuses finish() keeps: their counts add up to the length of the list."""
        status = self.values.get("status", "")
        if status == "":
            return tuple(OPEN_STATUSES)
        if status == "all":
            return tuple(Status.values)
        return (status,)

    def finish(self, requests: QuerySet, values: dict[str, Any]) -> QuerySet:
        assert isinstance(requests, ServiceRequestQuerySet)
        status = values.get("status", "")
        if status == "":
            return requests.open()
        if status == "all":
            return requests
        return requests.filter(status=status)


def _offer(field: forms.Field, read: Callable[[], list[tuple[int, str]]]) -> None:
    """Give a model select the options `read` returns, read only if the select is drawn."""
    assert isinstance(field, forms.ModelChoiceField)
    empty = field.empty_label

    def choices() -> list[tuple[Any, Any]]:
        return [("", empty), *read()]

    field.choices = choices
