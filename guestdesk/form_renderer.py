"""The form renderer: widgets drawn by Jinja2, falling back to Django's engine.

Django draws every widget, and every option of a select, through a template. With the
Django engine a list page's filter selects (countries, languages, levels) cost more than
the rest of the page; Django ships the same widget templates for Jinja2, which renders
them several times faster. A widget whose template exists only for Django's engine
(a library's own widget) is still drawn by it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import django.forms
from django.conf import settings
from django.forms.renderers import BaseRenderer, DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.backends.jinja2 import Jinja2


class FormRenderer(BaseRenderer):
    def __init__(self) -> None:
        self.fast = Jinja2(
            {
                "APP_DIRS": True,
                "DIRS": [
                    Path(settings.BASE_DIR) / "templates" / "widgets",
                    Path(django.forms.__file__).parent / "jinja2",
                ],
                "NAME": "widgets",
                "OPTIONS": {},
            }
        )
        self.fallback = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return self.fast.get_template(template_name)
        except TemplateDoesNotExist:
            return self.fallback.get_template(template_name)
