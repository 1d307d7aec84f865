from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from guestdesk.models import Department
from traces.models import TEXT_MAX_LENGTH, Trace


class TraceForm(forms.ModelForm):
    """A new trace about a stay, for one of the departments the person may task."""

    class Meta:
        model = Trace
        fields = ["department", "due_date", "due_time", "text"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "due_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "text": forms.TextInput(attrs={"maxlength": TEXT_MAX_LENGTH}),
        }

    def __init__(self, *args: Any, departments: list[Department], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Department.objects.filter(pk__in=[d.pk for d in departments])

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Say what the department must do."))
        return text


class ResolveForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s) for s in Trace.RESOLVED])
    expected = forms.ChoiceField(choices=Trace.Status.choices)
    reason = forms.CharField(max_length=TEXT_MAX_LENGTH, required=False)
