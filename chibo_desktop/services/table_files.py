"""Reading and writing the roster as spreadsheet files (.xlsx, .csv), with Vietnamese column headings."""

import csv
import io
import logging
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from chibo_desktop.domain import legacy_text
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.legacy_text import LegacyEncoding
from chibo_desktop.files import replace_atomically
from chibo_desktop.services import xlsx_check

log = logging.getLogger(__name__)
MAX_ROWS = 200_000
MAX_COLUMNS = 200  # a roster has 30; columns past this are not read
# Text a spreadsheet program could take for a formula (CSV/formula injection): written as text, never a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _error(text: str, **args: object) -> UserError:
    return UserError(Message("Import", text, dict(args)))


def read_table(path: Path) -> list[list[object]]:
    """All non-empty rows of the first sheet (or the CSV), cells as the file holds them (text in a legacy
    encoding converted to Unicode: see :func:`read_table_converted`)."""
    return read_table_converted(path)[0]


def read_table_converted(path: Path) -> tuple[list[list[object]], LegacyEncoding | None]:
    """The rows of :func:`read_table`, and the legacy encoding (TCVN3, VNI) their text was found in and converted
    from, or ``None``. Text that could be either is refused, as is a file in no encoding known here.

    The file came from elsewhere: every size is capped (see :mod:`xlsx_check`), and whatever is wrong with it
    is a message saying so, never a traceback."""
    rows, strict = _read_rows(path)
    texts = [c for r in rows for c in r if isinstance(c, str)]
    reading = legacy_text.detect(texts)
    if reading.ambiguous:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Import",
                "The Vietnamese letters of {name} are in an old encoding (not Unicode), and they read as Vietnamese "
                "both in TCVN3 (ABC, .VnTime) and in VNI, differently: the app cannot tell which is right, so nothing "
                "was read. Convert the file to Unicode first (in Unikey: Công cụ chuyển mã, choosing the source "
                "encoding you know it was typed in), or open it in Excel and save it as “CSV UTF-8”.",
            ),
            name=path.name,
        )
    if reading.encoding is None:
        if not strict:
            raise _error(
                QT_TRANSLATE_NOOP("Import", "{name} is not UTF-8 text. Save it from Excel as “CSV UTF-8”."),
                name=path.name,
            )
        return rows, None
    encoding = reading.encoding
    converted = [[legacy_text.convert(c, encoding) if isinstance(c, str) else c for c in r] for r in rows]
    log.info("a table was read in a legacy encoding: %s", encoding.value)
    return converted, encoding


def _read_rows(path: Path) -> tuple[list[list[object]], bool]:
    """The rows, and whether the text decoded as a known encoding (False: read byte for byte, to be told by the
    letters, and refused if they name none)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise _error(QT_TRANSLATE_NOOP("Import", "The file {name} does not exist."), name=str(path))
    strict = True
    if suffix == ".xlsx":
        rows = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        rows, strict = _read_csv(path)
    else:
        raise _error(
            QT_TRANSLATE_NOOP("Import", "Only .xlsx and .csv files can be imported, not “{suffix}”."),
            suffix=suffix or path.name,
        )
    return [r for r in rows if any(c not in (None, "") and str(c).strip() for c in r)], strict


def _too_many_rows() -> UserError:
    return _error(QT_TRANSLATE_NOOP("Import", "The file has more than {count} rows."), count=MAX_ROWS)


def _read_xlsx(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook  # only when a workbook is read: a third of a second to import

    xlsx_check.check_xlsx(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        log.info("a workbook was refused: %s", type(exc).__name__)
        raise xlsx_check.damaged(path.name) from exc
    try:
        if not workbook.worksheets:  # the workbook names a sheet whose part is missing
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{name} has no sheet to read (the part holding it is missing): the file is damaged. Open it in "
                    "Excel and save it again, or save it as CSV.",
                ),
                name=path.name,
            )
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # read every row there is, not only those the file claims to use
        rows: list[list[object]] = []
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            if values.count(None) == len(values):  # in C: a sheet may claim a million empty rows
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            row = list(values)
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
        return rows
    except UserError:
        raise
    except Exception as exc:  # a sheet that passed the caps can still be nonsense to openpyxl
        log.info("a workbook was refused while reading its sheet: %s", type(exc).__name__)
        raise xlsx_check.damaged(path.name) from exc
    finally:
        workbook.close()


def _read_csv(path: Path) -> tuple[list[list[object]], bool]:
    xlsx_check.check_size(path)
    raw = path.read_bytes()
    text = None
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    strict = text is not None
    if text is None:  # byte for byte: TCVN3 uses codes Windows-1258 leaves out; the letters decide
        text = raw.decode("latin-1")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[list[object]] = []
    try:
        for row in reader:
            if any(len(cell) > xlsx_check.MAX_CELL for cell in row):
                raise xlsx_check.cell_too_long(path.name, reader.line_num)
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            rows.append(list[object](row[:MAX_COLUMNS]))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise xlsx_check.cell_too_long(path.name, reader.line_num) from error
        raise _error(
            QT_TRANSLATE_NOOP(
                "Import",
                "{name} could not be read as CSV near row {line} (a quote left open, or a character that does not "
                "belong in text). Open it in Excel and save it again as “CSV UTF-8”.",
            ),
            name=path.name,
            line=reader.line_num,
        ) from error
    return rows, strict


def write_xlsx(path: Path, headings: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> None:
    """A workbook with one sheet; dates are written as real Excel dates shown dd/mm/yyyy, and every text as text,
    even one that looks like a formula (``=HYPERLINK(…)`` in a name stays a name)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column in sheet.iter_cols():
        for cell in column:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # openpyxl takes "=…" for a formula; the app writes only text
                cell.quotePrefix = True  # as Excel marks '=…: editing the cell keeps it text
    for index, heading in enumerate(headings, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, min(40, len(heading) + 4))
    sheet.freeze_panes = "A2"
    replace_atomically(path, workbook.save)


def write_sheets(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> None:
    """A workbook with several sheets of (title, headings, rows), each laid out as :func:`write_xlsx` lays its one."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    for index, (title, headings, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title[:31]
        sheet.append(list(headings))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for column_index, heading in enumerate(headings, start=1):
            letter = sheet.cell(1, column_index).column_letter
            sheet.column_dimensions[letter].width = max(12, min(40, len(heading) + 4))
        sheet.freeze_panes = "A2"
    replace_atomically(path, workbook.save)
