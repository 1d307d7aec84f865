"""Reading an import file: CSV in any declared encoding, or an XLSX sheet, row by row.

`open_table` refuses a file as a whole (FileRefused) before a single row is imported: too
large, undecodable, too many rows or columns, a cell too long, an XLSX that unpacks too
big. It scans the file once for that (and for the row count the progress bar needs);
`Table.rows()` then reads it again, streaming, so memory stays flat whatever the size.
"""

import codecs
import csv
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from guestdesk.imports.errors import FileRefused
from guestdesk.imports.limits import Limits

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings tried, in order, when the profile says UTF-8 and the file is not: Excel on a
# Russian or Kazakh Windows saves CSV in Windows-1251.
FALLBACKS = {"utf-8": ("cp1251",)}
ALIASES = {"utf8": "utf-8", "utf-8-sig": "utf-8", "windows-1251": "cp1251", "kz-1048": "kz1048"}
DELIMITERS = (";", ",", "\t", "|")
CHUNK = 1 << 20
# Control characters other than tab and line breaks: a NUL in a name is never a name.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

csv.field_size_limit(1 << 30)  # the cell limit is ours to check, with a clear message


@dataclass
class Table:
    """A readable file: its header, how many data rows it holds and how to read them."""

    header: list[str]
    total: int
    _reader: Any

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number in the file, cells) for each non-empty row; the header is row 1."""
        return self._reader()


def open_table(
    path: str | Path,
    *,
    limits: Limits,
    encoding: str = "",
    delimiter: str = "",
    sheet: str = "",
) -> Table:
    """Check the file against the limits and return its Table, or raise FileRefused."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError as exc:
        raise FileRefused(_("The file cannot be read: %(error)s") % {"error": exc}) from None
    if size > limits.upload_bytes:
        raise FileRefused(
            _("The file is %(size)s MB; at most %(limit)s MB can be imported.")
            % {"size": round(size / 2**20, 1), "limit": round(limits.upload_bytes / 2**20, 1)}
        )
    if size == 0:
        raise FileRefused(_("The file is empty."))
    if start.startswith(b"PK\x03\x04") or path.suffix.lower() in XLSX_SUFFIXES:
        return _xlsx_table(path, limits, sheet)
    return _csv_table(path, limits, encoding, delimiter)


# -- CSV -----------------------------------------------------------------------------------


def codec_name(encoding: str) -> str:
    """The Python codec for an encoding a profile names; FileRefused when unknown."""
    name = (encoding or "utf-8").strip().lower()
    name = ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        raise FileRefused(_("Unknown encoding %(name)s.") % {"name": encoding}) from None
    return name


def _undecodable_line(path: Path, codec: str) -> int | None:
    """The line where `codec` fails on the file, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(codec)()
    line = 1
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            try:
                line += decoder.decode(chunk).count("\n")
            except UnicodeDecodeError as exc:
                # Lines before the bad byte, counted on what does decode.
                before = exc.object[: exc.start]
                return line + codecs.decode(before, exc.encoding, "ignore").count("\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return line
    return None


def pick_encoding(path: Path, declared: str) -> str:
    """The codec that reads the whole file: its BOM, the declared one, then a fallback."""
    with path.open("rb") as handle:
        start = handle.read(4)
    for bom, codec in BOMS:
        if start.startswith(bom):
            declared_codec = codec
            break
    else:
        declared_codec = codec_name(declared)
    first_failure = _undecodable_line(path, declared_codec)
    if first_failure is None:
        return declared_codec
    for fallback in FALLBACKS.get(declared_codec, ()):
        if _undecodable_line(path, fallback) is None:
            return fallback
    raise FileRefused(
        _(
            "The file is not in %(encoding)s: line %(line)s cannot be decoded. "
            "Save it again as UTF-8 or name its encoding in the profile."
        )
        % {"encoding": declared_codec, "line": first_failure}
    )


def _first_line(path: Path, codec: str) -> str:
    with path.open(encoding=codec, newline="") as handle:
        return handle.readline(64 * 1024)


def sniff_delimiter(line: str) -> str:
    """The separator the header uses most (a comma when it has none)."""
    best = max(DELIMITERS, key=line.count)
    return best if line.count(best) else ","


def _csv_table(path: Path, limits: Limits, encoding: str, delimiter: str) -> Table:
    codec = pick_encoding(path, encoding)
    if delimiter in ("\\t", "tab"):
        delimiter = "\t"
    delimiter = delimiter or sniff_delimiter(_first_line(path, codec))
    if len(delimiter) != 1:
        raise FileRefused(_("The separator must be one character."))

    def records() -> Iterator[tuple[int, list[str]]]:
        with path.open(encoding=codec, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            try:
                yield from enumerate(reader, start=1)
            except csv.Error as exc:
                raise FileRefused(
                    _("The file cannot be read near line %(line)s: %(error)s")
                    % {"line": reader.line_num, "error": exc}
                ) from None

    return _scanned(records, limits, lambda cells: any(cell.strip() for cell in cells))


def _scanned(
    records: Callable[[], Iterator[tuple[int, list[Any]]]],
    limits: Limits,
    has_data: Callable[[list[Any]], bool],
) -> Table:
    """Scan `records` once against the limits; the Table reads the rows with data again.

    The first record is the header; `has_data(cells)` tells a data row from an empty one.
    """
    header: list[str] | None = None
    total = 0
    for number, cells in records():
        _check_shape(number, cells, limits)
        if header is None:
            header = ["" if cell is None else str(cell).strip() for cell in cells]
            continue
        if has_data(cells):
            total += 1
            if total > limits.rows:
                raise _too_many_rows(limits)
    if not header or not any(header):
        raise FileRefused(_("The file is empty."))

    def data_rows() -> Iterator[tuple[int, list[Any]]]:
        rows = records()
        next(rows, None)
        for number, cells in rows:
            if has_data(cells):
                yield number, cells

    return Table(header, total, data_rows)


def _check_shape(number: int, cells: list[Any], limits: Limits) -> None:
    if len(cells) > limits.columns:
        raise FileRefused(
            _("Row %(row)s has %(count)s columns; at most %(limit)s are allowed.")
            % {"row": number, "count": len(cells), "limit": limits.columns}
        )
    for cell in cells:
        if isinstance(cell, str) and len(cell) > limits.cell_chars:
            raise FileRefused(
                _("Row %(row)s has a cell of %(count)s characters; at most %(limit)s are allowed.")
                % {"row": number, "count": len(cell), "limit": limits.cell_chars}
            )


def _too_many_rows(limits: Limits) -> FileRefused:
    return FileRefused(
        _("The file has more than %(limit)s rows; split it into smaller files.")
        % {"limit": limits.rows}
    )


# -- XLSX ----------------------------------------------------------------------------------


def _xlsx_table(path: Path, limits: Limits, sheet: str) -> Table:
    try:
        with zipfile.ZipFile(path) as archive:
            # The sizes the archive declares bound what unpacking can produce, so a
            # decompression bomb is refused before openpyxl opens it.
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRefused(_("The file is not a readable XLSX workbook.")) from None
    if unpacked > limits.xlsx_unpacked_bytes:
        raise FileRefused(
            _("The workbook unpacks to %(size)s MB; at most %(limit)s MB can be imported.")
            % {
                "size": round(unpacked / 2**20, 1),
                "limit": round(limits.xlsx_unpacked_bytes / 2**20, 1),
            }
        )

    def records() -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
            raise FileRefused(_("The file is not a readable XLSX workbook.")) from None
        try:
            if sheet and sheet not in book.sheetnames:
                raise FileRefused(
                    _("The workbook has no sheet %(sheet)s (its sheets: %(sheets)s).")
                    % {"sheet": sheet, "sheets": ", ".join(book.sheetnames)}
                )
            worksheet = book[sheet] if sheet else book.worksheets[0]
            try:
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                    cells = list(values)
                    while cells and cells[-1] in (None, ""):
                        cells.pop()
                    yield number, cells
            except FileRefused:
                raise
            except Exception:  # noqa: BLE001 - a damaged sheet
                raise FileRefused(_("The file is not a readable XLSX workbook.")) from None
        finally:
            book.close()

    # Trailing empty cells are already dropped: a row with any cell left holds data.
    return _scanned(records, limits, bool)
