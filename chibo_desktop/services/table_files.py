"""Reading and writing the roster as spreadsheet files (.xlsx, .csv), with Vietnamese column headings."""

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.files import replace_atomically

MAX_ROWS = 200_000


def _error(text: str, **args: object) -> UserError:
    return UserError(Message("Import", text, dict(args)))


def read_table(path: Path) -> list[list[object]]:
    """All non-empty rows of the first sheet (or the CSV), cells as the file holds them."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise _error(QT_TRANSLATE_NOOP("Import", "The file {name} does not exist."), name=str(path))
    if suffix == ".xlsx":
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
            raise _error(
                QT_TRANSLATE_NOOP("Import", "{name} could not be read as an Excel workbook (.xlsx): {reason}"),
                name=path.name,
                reason=str(exc)[:200],
            ) from exc
        try:
            sheet = workbook.worksheets[0]
            rows: list[list[object]] = []
            for values in sheet.iter_rows(values_only=True):
                if len(rows) > MAX_ROWS:
                    raise _error(QT_TRANSLATE_NOOP("Import", "The file has more than {count} rows."), count=MAX_ROWS)
                rows.append(list(values))
        finally:
            workbook.close()
    elif suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        text = None
        for encoding in ("utf-8-sig", "utf-16", "cp1258"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            raise _error(
                QT_TRANSLATE_NOOP("Import", "{name} is not UTF-8 text. Save it from Excel as “CSV UTF-8”."),
                name=path.name,
            )
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [list[object](r) for r in csv.reader(io.StringIO(text), dialect)]
    else:
        raise _error(
            QT_TRANSLATE_NOOP("Import", "Only .xlsx and .csv files can be imported, not “{suffix}”."),
            suffix=suffix or path.name,
        )
    return [r for r in rows if any(c not in (None, "") and str(c).strip() for c in r)]


def write_xlsx(path: Path, headings: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> None:
    """A workbook with one sheet; dates are written as real Excel dates shown dd/mm/yyyy."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "DD/MM/YYYY"
    for index, heading in enumerate(headings, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, min(40, len(heading) + 4))
    sheet.freeze_panes = "A2"
    replace_atomically(path, workbook.save)


def write_sheets(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> None:
    """A workbook with several sheets of (title, headings, rows), each laid out as :func:`write_xlsx` lays its one."""
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
