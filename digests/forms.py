from django import forms
from django.utils.translation import gettext_lazy as _

from digests.models import DigestSubscription, Section
from guestdesk.models import validate_email_list


class SubscriptionForm(forms.ModelForm):
    sections = forms.MultipleChoiceField(
        label=_("Sections"),
        choices=Section.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        validators=[validate_email_list],
        help_text=_("The department's addresses, one a line or separated by commas."),
    )

    class Meta:
        model = DigestSubscription
        fields = [
            "enabled",
            "send_time",
            "language",
            "sections",
            "min_vip_level",
            "show_phone_numbers",
        ]
        widgets = {"send_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].initial = self.instance.department.recipients

    def clean(self):
        data = super().clean()
        if data.get("enabled") and not data.get("recipients", "").strip():
            self.add_error(
                "recipients", _("A digest that is switched on needs at least one recipient.")
            )
        if data.get("enabled") and not data.get("sections"):
            self.add_error("sections", _("Choose at least one section."))
        return data

    def save(self, commit=True):
        subscription = super().save(commit=commit)
        department = subscription.department
        department.recipients = self.cleaned_data["recipients"].strip()
        if commit:
            department.save(update_fields=["recipients"])
        return subscription
