# Kazakh as written in Kazakhstan: day first, the month after the day in lower case
# ("1 желтоқсан 2026"; guestdesk.formatting lower-cases the names), 24-hour clock.
# Django ships no Kazakh formats, so without this file kk pages fell back to US dates.
# Short dates, the clock, numbers and what a field accepts are those of Russian in
# Kazakhstan; only the long dates differ (no "г." after the year).
from guestdesk.formats.ru.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
