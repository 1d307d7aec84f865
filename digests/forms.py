from django import forms
from django.utils.translation import gettext_lazy as _

from digests.models import DigestSubscription, Section
from guestdesk.forms import checkboxes, form_field
from guestdesk.models import validate_email_list


class SubscriptionForm(forms.ModelForm):
    sections = checkboxes(_("Sections"), Section.choices, required=False)
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
        super().clean()
        data = self.cleaned_data
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


class AcknowledgeForm(forms.Form):
    """Who presses "Mark as read" on the signed link: one of the email's addresses, a name."""

    address = forms.ChoiceField(
        label=_("Your address"), widget=forms.RadioSelect(attrs={"class": "form-check-input"})
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        help_text=_("Optional: so the desk knows who read it."),
    )

    def __init__(self, *args, addresses: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = form_field(self, "address", forms.ChoiceField)
        field.choices = [(address, address) for address in addresses]
        if len(addresses) == 1:
            field.initial = addresses[0]
            field.widget = forms.HiddenInput()
        elif not addresses:
            field.required = False
            field.choices = [("", "")]
            field.widget = forms.HiddenInput()
