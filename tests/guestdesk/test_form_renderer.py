"""Widgets drawn by the project's renderer are exactly what Django's Jinja2 templates draw."""

from django import forms
from django.forms.renderers import Jinja2

from guestdesk.form_renderer import FormRenderer


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "All"), ("a", "A & B"), ("c", '"C"')])
    grouped = forms.ChoiceField(
        choices=[("Europe", [("de", "Germany"), ("fr", "France")]), ("kz", "Kazakhstan")]
    )
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")])
    when = forms.DateField()


def test_selects_and_other_widgets_render_as_django_renders_them():
    form = Choices(data={"plain": "c", "grouped": "fr", "many": ["x", "y"], "when": "bad"})
    form.fields["plain"].widget.attrs.update({"class": "form-select", "disabled": True})
    for field in form:
        ours = field.field.widget.render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=FormRenderer()
        )
        theirs = field.field.widget.render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=Jinja2()
        )
        assert ours == theirs, field.name
    # The chosen options are marked, and the text is escaped once.
    html = str(form["plain"])
    assert '<option value="c" selected>&#34;C&#34;</option>' in html
    assert "A &amp; B" in html and " disabled" in html


def test_the_select_is_drawn_by_the_projects_inline_template():
    template = FormRenderer().get_template("django/forms/widgets/select.html")
    assert template.template.filename.endswith("templates/widgets/django/forms/widgets/select.html")
