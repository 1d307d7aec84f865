"""Compile and check the message catalogues without GNU gettext (polib does both).

`python -m guestdesk.i18n compile` writes every .mo from its .po;
`python -m guestdesk.i18n fill AREA FILE.json` applies translations kept in a JSON file;
`python -m guestdesk.i18n check` fails when a kk/ru string is untranslated or fuzzy, or a
.mo is out of date with its .po (so a translation never reaches users half done).
"""

import sys
from pathlib import Path

import polib

BASE = Path(__file__).resolve().parent.parent


def areas() -> list[str]:
    """The project's apps (settings.PROJECT_APPS): each keeps its catalogue in <app>/locale.

    Templates of an app live in templates/<app>/, its emails are templates/emails/<app>-*.
    """
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
    from django.conf import settings

    return list(settings.PROJECT_APPS)


def area_of(path) -> str:
    """The app whose catalogue holds the strings of file `path` (guestdesk for the rest)."""
    relative = Path(path).resolve().relative_to(BASE).as_posix()
    for area in areas():
        if area == "guestdesk":
            continue
        if relative.startswith((f"{area}/", f"templates/{area}/", f"templates/emails/{area}-")):
            return area
    return "guestdesk"


def catalogues():
    for area in areas():
        yield from sorted((BASE / area / "locale").glob("*/LC_MESSAGES/django.po"))


def compile_all():
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(BASE)}")


def _entries(catalogue):
    """Translated entries as comparable tuples (a .mo holds only those, plus its header)."""
    return {
        (e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in catalogue
        if e.msgid
        and not e.obsolete
        and (e.msgstr or any(e.msgstr_plural.values()))
        and "fuzzy" not in e.flags
    }


def check():
    problems = []
    for po_path in catalogues():
        language = po_path.parent.parent.name
        po = polib.pofile(str(po_path))
        where = po_path.relative_to(BASE)
        if language != "en":
            for entry in po.untranslated_entries() + po.fuzzy_entries():
                problems.append(f"{where}: not translated: {entry.msgid!r}")
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{where}: not compiled (make compilemessages)")
        elif _entries(polib.mofile(str(mo_path))) != _entries(po):
            problems.append(f"{where}: .mo is out of date (make compilemessages)")
    for problem in problems:
        print(problem)
    print(f"i18n: {len(list(catalogues()))} catalogues, {len(problems)} problems")
    return 1 if problems else 0


def fill(area, json_path):
    """Apply translations {msgid: {"kk": str or [plural forms], "ru": ...}} to an area."""
    import json

    translations = json.loads(Path(json_path).read_text(encoding="utf-8"))
    for language in ("kk", "ru"):
        po_path = BASE / area / "locale" / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(po_path))
        for entry in po:
            given = translations.get(entry.msgid, {}).get(language)
            if not given:
                continue
            if entry.msgid_plural:
                forms = given if isinstance(given, list) else [given]
                count = int(po.metadata.get("Plural-Forms", "nplurals=2").split("nplurals=")[1][0])
                entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(count)}
            else:
                entry.msgstr = given
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"{po_path.relative_to(BASE)}: {po.percent_translated()}% translated")
    en = BASE / area / "locale" / "en" / "LC_MESSAGES" / "django.po"
    polib.pofile(str(en)).save_as_mofile(str(en.with_suffix(".mo")))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "compile":
        compile_all()
    elif command == "fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        sys.exit(check())
