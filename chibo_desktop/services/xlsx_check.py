"""Looking over an .xlsx from elsewhere before openpyxl parses it: a workbook is a zip of XML parts, and a crafted
one can unpack to gigabytes, expand entities ("billion laughs"), nest without end, or put millions of cells in
one row. Each part is read once, streamed through expat with a cap on every size that matters, in constant
memory; only a workbook that passes is handed to openpyxl (which, with defusedxml installed, refuses entities
again on its own).

The caps are far above any roster (a branch has tens of members, a commune a few thousand) and at Excel's own
limits where Excel has one.
"""

import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

MAX_FILE = 50 * 2**20  # the .xlsx (or .csv) itself
MAX_PART = 64 * 2**20  # one part, unpacked
MAX_UNPACKED = 256 * 2**20  # all parts together, unpacked
MAX_PARTS = 1_000
MAX_DEPTH = 64  # nesting of XML elements (Excel writes fewer than 10)
MAX_CELL = 32_767  # characters in one cell: Excel's limit
MAX_CELLS_IN_ROW = 16_384  # Excel's limit of columns (XFD)
MAX_ROW = 1_048_576  # Excel's limit
CHUNK = 1 << 16


def _refuse(text: str, **args: object) -> UserError:
    return UserError(Message("Import", text, dict(args)))


def damaged(name: str) -> UserError:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Import",
            "{name} is not a whole Excel workbook (.xlsx): it is damaged or cut short, or it is another kind of "
            "file. Open it in Excel and save it again as .xlsx, or save it as CSV.",
        ),
        name=name,
    )


def cell_too_long(name: str, line: int = 0) -> UserError:
    """A cell over Excel's limit, on row *line* when it is known."""
    if line:
        return _refuse(
            QT_TRANSLATE_NOOP(
                "Import",
                "{name}: a cell on row {line} holds more than {limit} characters, more than Excel allows in a "
                "cell. Nothing was imported; correct that cell and try again.",
            ),
            name=name,
            line=line,
            limit=MAX_CELL,
        )
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Import",
            "{name}: a cell holds more than {limit} characters, more than Excel allows in a cell. Nothing was "
            "imported; correct that cell and try again.",
        ),
        name=name,
        limit=MAX_CELL,
    )


def too_large(name: str) -> UserError:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Import",
            "{name} is larger than a roster can be ({size} MB at most). Check that this is the right file; a "
            "roster saved again from Excel, or as CSV, is much smaller.",
        ),
        name=name,
        size=MAX_FILE // 2**20,
    )


def check_size(path: Path) -> None:
    if path.stat().st_size > MAX_FILE:
        raise too_large(path.name)


def check_xlsx(path: Path) -> None:
    """Refuse *path* with a message unless every part of it is within the caps and is plain, well-formed XML."""
    name = path.name
    check_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_listing(name, infos)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_part(name, archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, ValueError) as error:
        raise damaged(name) from error


def _check_listing(name: str, infos: list[zipfile.ZipInfo]) -> None:
    names = [info.filename for info in infos]
    if len(infos) > MAX_PARTS or len(set(names)) != len(names) or "xl/workbook.xml" not in names:
        raise damaged(name)
    if any(info.file_size > MAX_PART for info in infos) or sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Import",
                "{name} unpacks to more than a roster can hold ({size} MB in one part at most). It may be damaged "
                "or made to harm the computer; nothing was read. Save the roster again from Excel, or as CSV.",
            ),
            name=name,
            size=MAX_PART // 2**20,
        )


class _RefusedError(Exception):
    def __init__(self, error: UserError) -> None:
        self.error = error


def _check_part(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    is_sheet = info.filename.startswith("xl/worksheets/")
    depth = 0
    text = 0  # characters in the current element
    cells = 0  # cells in the current row
    row = 0

    def doctype(*_args: object) -> None:
        raise _RefusedError(
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{name} declares XML entities (a DOCTYPE), which a workbook saved by Excel never does: it may "
                    "be made to harm the computer. Nothing was read. Save the roster again from Excel, or as CSV.",
                ),
                name=name,
            )
        )

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth, text, cells, row
        depth += 1
        text = 0
        if depth > MAX_DEPTH:
            raise _RefusedError(damaged(name))
        if is_sheet:
            local = tag.rpartition("}")[2] if "}" in tag else tag.rpartition(":")[2]
            if local == "row":
                cells = 0
                try:
                    row = int(attributes.get("r", row + 1))
                except ValueError:
                    raise _RefusedError(damaged(name)) from None
                if not 0 < row <= MAX_ROW:
                    raise _RefusedError(damaged(name))
            elif local == "c":
                cells += 1
                if cells > MAX_CELLS_IN_ROW:
                    raise _RefusedError(damaged(name))

    def end(_tag: str) -> None:
        nonlocal depth, text
        depth -= 1
        text = 0

    def characters(data: str) -> None:
        nonlocal text
        text += len(data)
        if text > MAX_CELL:
            raise _RefusedError(cell_too_long(name, row if is_sheet else 0))

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RefusedError as refused:
        raise refused.error from None
    except expat.ExpatError as error:
        raise damaged(name) from error
