"""ISO 639-1 language codes a guest may prefer, with names where Django knows them.

What GuestDesk sends or prints for a guest uses the guest's language when it is kk, ru or
en and English otherwise (guestdesk.emails.message_language).
"""

from django.conf.locale import LANG_INFO

_CODES_TEXT = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho "
    "hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku "
    "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn "
    "no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm "
    "sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = tuple(_CODES_TEXT.split())
CODES = frozenset(ISO_639_1)


def language_name(code):
    """The language's English name (Django's list), or the code itself when unknown."""
    info = LANG_INFO.get(code)
    return info["name"] if info and "name" in info else code.upper()


LANGUAGE_CHOICES = sorted(
    ((code, f"{language_name(code)} ({code})") for code in ISO_639_1), key=lambda c: c[1]
)

_BY_NAME = {}
for _code in ISO_639_1:
    _info = LANG_INFO.get(_code, {})
    for _key in ("name", "name_local"):
        if _info.get(_key):
            _BY_NAME[_info[_key].casefold()] = _code


def parse_language(value):
    """A language code from an ISO 639-1 code, a locale like en-GB or a language name."""
    value = (value or "").strip()
    if not value:
        return None
    code = value.replace("_", "-").split("-")[0].lower()
    if code in CODES:
        return code
    return _BY_NAME.get(value.casefold())
