"""The form renderer: widgets drawn by Jinja2, falling back to Django's engine.

Django draws every widget, and every option of a select, through a template. With the
Django engine a list page's filter selects (countries, languages, levels) cost more than
the rest of the page; Django ships the same widget templates for Jinja2, which renders
them several times faster. A widget whose template exists only for Django's engine
(a library's own widget) is still drawn by it.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(BaseRenderer):
    def __init__(self) -> None:
        self.fast = Jinja2()
        self.fallback = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return self.fast.get_template(template_name)
        except TemplateDoesNotExist:
            return self.fallback.get_template(template_name)
