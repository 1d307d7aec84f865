"""ISO 639-1 language codes a guest may prefer, from pycountry, named in the interface language.

What GuestDesk sends or prints for a guest uses the guest's language when it is kk, ru or
en and English otherwise (guestdesk.emails.message_language). Stored values are the two-letter
codes; only the names shown change with the interface language.
"""

import gettext as gettext_module
from functools import cache

import pycountry
from django.conf.locale import LANG_INFO
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as django_gettext

# Offered first in every list: the languages the hotel's guests speak most.
USUAL = ("kk", "ru", "en")
# Withdrawn from ISO 639-1 (Serbo-Croatian): pycountry still lists it, guests' records never did.
_WITHDRAWN = frozenset({"sh"})

_LANGUAGES = {
    language.alpha_2: language
    for language in pycountry.languages
    if hasattr(language, "alpha_2") and language.alpha_2 not in _WITHDRAWN
}
ISO_639_1 = tuple(sorted(_LANGUAGES))
CODES = frozenset(ISO_639_1)

# Kazakh names of the languages guests speak most, in the "-ша/-ше" form Django's kk
# catalogue uses ("Қазақша"); that catalogue leaves some in Russian ("Киргизский") or
# English ("Chinese"), and pycountry has no Kazakh at all.
KAZAKH_NAMES = {
    "kk": "Қазақша",
    "ru": "Орысша",
    "en": "Ағылшынша",
    "tr": "Түрікше",
    "zh": "Қытайша",
    "de": "Немісше",
    "fr": "Французша",
    "ar": "Арабша",
    "ko": "Корейше",
    "ja": "Жапонша",
    "uz": "Өзбекше",
    "ky": "Қырғызша",
    "tg": "Тәжікше",
    "tk": "Түрікменше",
    "az": "Әзербайжанша",
    "uk": "Украинша",
    "be": "Беларусша",
    "it": "Итальянша",
    "es": "Испанша",
    "pt": "Португалша",
    "pl": "Полякша",
    "nl": "Нидерландша",
    "el": "Грекше",
    "cs": "Чехше",
    "sv": "Шведше",
    "fi": "Финше",
    "hu": "Венгрше",
    "ro": "Румынша",
    "bg": "Болгарша",
    "sr": "Сербше",
    "ka": "Грузинше",
    "hy": "Армянша",
    "he": "Иврит",
    "fa": "Парсыша",
    "hi": "Хинди",
    "ur": "Урду",
    "mn": "Моңғолша",
    "th": "Тайша",
    "vi": "Вьетнамша",
    "id": "Индонезияша",
    "ms": "Малайша",
    "tt": "Татарша",
    "ug": "Ұйғырша",
}


@cache
def _pycountry_catalogue(interface: str) -> gettext_module.NullTranslations:
    """pycountry's own translations of ISO 639 names (it has Russian, not Kazakh)."""
    return gettext_module.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[interface], fallback=True
    )


def language_name(code: str) -> str:
    """The language's name in the interface language, or the code itself when unknown.

    In Kazakh the table KAZAKH_NAMES first; Django's own catalogue next (it names ~100
    languages in kk, ru and en), then
    pycountry's translation of the ISO name, then the ISO name in English.
    """
    interface = (get_language() or "en")[:2]
    if interface == "kk" and code in KAZAKH_NAMES:
        return KAZAKH_NAMES[code]
    info = LANG_INFO.get(code)
    if info and "name" in info:
        return django_gettext(info["name"])
    language = _LANGUAGES.get(code)
    if language is None:
        return code.upper()
    # pycountry's Russian names are lower case ("афар"); list entries start with a capital.
    return capfirst(_pycountry_catalogue(get_language() or "en").gettext(language.name))


@cache
def _choices_in(interface: str) -> list[tuple[str, str]]:
    named = [(code, f"{language_name(code)} ({code})") for code in ISO_639_1]
    usual = sorted((c for c in named if c[0] in USUAL), key=lambda c: USUAL.index(c[0]))
    rest = sorted((c for c in named if c[0] not in USUAL), key=lambda c: c[1].casefold())
    return usual + rest


def language_choices() -> list[tuple[str, str]]:
    """(code, "Name (code)") in the interface language, the usual languages first."""
    return _choices_in(get_language() or "en")


_BY_NAME: dict[str, str] = {}
for _code, _language in _LANGUAGES.items():
    _BY_NAME[_language.name.casefold()] = _code
    for _key in ("name", "name_local"):
        if LANG_INFO.get(_code, {}).get(_key):
            _BY_NAME[LANG_INFO[_code][_key].casefold()] = _code


def parse_language(value: str | None) -> str | None:
    """A language code from an ISO 639-1 code, a locale like en-GB or a language name."""
    value = (value or "").strip()
    if not value:
        return None
    code = value.replace("_", "-").split("-")[0].lower()
    if code in CODES:
        return code
    return _BY_NAME.get(value.casefold())
