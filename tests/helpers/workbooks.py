"""Crafted .xlsx files, built from a good one part by part: what a damaged or hostile roster looks like."""

import io
import warnings
import zipfile
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'.encode() for n in range(1, 10))
    + b"]>"
)


def good_workbook(rows: list[list[object]]) -> bytes:
    """A roster as Excel would save it: a heading row with the columns the import needs, then *rows*."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parts(workbook: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(contents: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    items = contents.items() if isinstance(contents, dict) else contents
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is what some tests want
        for name, data in items:
            archive.writestr(name, data)
    return out.getvalue()


def sheet_with(workbook: bytes, extra_rows: bytes, prologue: bytes = b"") -> bytes:
    """*workbook* with raw XML rows added at the end of its sheet (and its claimed size dropped)."""
    found = parts(workbook)
    xml = found[SHEET]
    head, _dimension, tail = xml.partition(b"<dimension ")
    xml = head + tail.partition(b"/>")[2] if _dimension else xml
    found[SHEET] = prologue + xml.replace(b"</sheetData>", extra_rows + b"</sheetData>")
    return pack(found)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
