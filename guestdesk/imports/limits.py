"""Import limits, from settings (`IMPORT_LIMITS`) over safe defaults."""

from dataclasses import dataclass, replace

from django.conf import settings

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    upload_bytes: int = 20 * MB  # through the web page
    command_bytes: int = 500 * MB  # from the command line
    rows: int = 500_000
    columns: int = 200
    cell_chars: int = 10_000
    xlsx_unpacked_bytes: int = 200 * MB  # the sheets and strings of an XLSX, uncompressed

    def for_command(self) -> "Limits":
        return replace(self, upload_bytes=self.command_bytes)


def limits() -> Limits:
    """The limits in force: `settings.IMPORT_LIMITS` (a dict) over the defaults."""
    return replace(Limits(), **getattr(settings, "IMPORT_LIMITS", {}))
