"""Reading a page as a user sees it, for tests that check what a form offers."""

import re


def options(page: str, name: str) -> list[tuple[str, str, bool]]:
    """(value, text, selected) of the options of <select name=name> as the page draws it."""
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    assert select, f"no {name} filter on the page"
    return [
        (value, text, " selected" in attrs)
        for value, attrs, text in re.findall(
            r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select.group(0)
        )
    ]
