"""Importing a roster from a spreadsheet with a preview, and exporting it.

Nothing is written until the user confirms; then all new rows go in one transaction, or none do.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date
from enum import StrEnum
from pathlib import Path

from chibo_desktop.domain.dates import ImpossibleDateError, date_problem, parse_date, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.legacy_text import LegacyEncoding
from chibo_desktop.domain.members import STATUS_LABELS, Gender, MemberRecord, Status
from chibo_desktop.domain.text import fold, hidden_character, name_sort_key, nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.members import Joining, JoinKind, MemberService, initial_events
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.table_files import read_table_converted, write_xlsx
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database

# Column heading (as written in the export, Vietnamese) → record field. Import also accepts the aliases: the
# headings of the official registers (sổ danh sách đảng viên mẫu 7-HSĐV, phiếu đảng viên mẫu 2-HSĐV), written as
# :func:`_key` reads them (no tone marks, no punctuation).
COLUMNS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Họ và tên", "full_name", ("ho ten", "ho va ten dang dung", "ho ten dang dung", "full name", "name")),
    ("Họ tên khai sinh", "birth_name", ("ten khai sinh", "ho va ten khai sinh", "birth name")),
    ("Giới tính", "gender", ("gioi", "nam nu", "nam hay nu", "gender", "sex")),
    (
        "Ngày sinh",
        "date_of_birth",
        ("sinh ngay", "ngay thang nam sinh", "ngay sinh thang nam", "nam sinh", "date of birth", "birth date"),
    ),
    ("Nơi sinh", "place_of_birth", ("place of birth",)),
    ("Quê quán", "home_town", ("que", "home town")),
    ("Nơi ở hiện nay", "residence", ("cho o hien nay", "noi o", "cho o", "noi thuong tru", "residence", "address")),
    ("Dân tộc", "ethnicity", ("ethnicity",)),
    ("Tôn giáo", "religion", ("religion",)),
    (
        "Số CCCD",
        "cccd",
        (
            "cccd",
            "so can cuoc",
            "so can cuoc cong dan",
            "can cuoc cong dan",
            "so dinh danh",
            "so dinh danh ca nhan",
            "id number",
        ),
    ),  # fmt: skip
    ("Điện thoại", "phone", ("so dien thoai", "dt", "phone")),
    ("Nghề nghiệp", "occupation", ("nghe nghiep hien nay", "occupation")),
    ("Giáo dục phổ thông", "general_education", ("trinh do van hoa", "van hoa", "giao duc pho thong", "education")),
    ("Chuyên môn", "professional_level", ("trinh do chuyen mon", "chuyen mon nghiep vu", "cmnv", "professional level")),
    ("Lý luận chính trị", "political_theory", ("trinh do ly luan chinh tri", "ly luan", "llct", "political theory")),
    ("Ngoại ngữ", "foreign_language", ("foreign language",)),
    ("Tin học", "informatics", ("informatics",)),
    ("Ngày vào Đảng", "admission_date", ("ngay ket nap", "ngay ket nap vao dang", "admission date")),
    ("Số quyết định kết nạp", "admission_decision_no", ("so qd ket nap",)),
    ("Ngày quyết định kết nạp", "admission_decision_date", ("ngay qd ket nap",)),
    ("Ngày chính thức", "official_date", ("ngay chinh thuc", "ngay cong nhan chinh thuc", "official date")),
    ("Số quyết định chính thức", "official_decision_no", ("so qd chinh thuc",)),
    ("Số thẻ đảng viên", "card_number", ("so the dang", "so the", "the dang vien", "card number")),
    ("Số lý lịch", "biography_no", ("so ly lich dang vien", "biography number")),
    ("Số huy hiệu", "badge_no", ("huy hieu", "so huy hieu dang")),
    ("Ngày nhận huy hiệu", "badge_date", ("ngay huy hieu",)),
    ("Chức vụ Đảng", "party_position", ("chuc vu dang", "party position")),
    ("Chức vụ chính quyền, đoàn thể", "government_position", ("chuc vu chinh quyen", "chuc vu")),
    ("Tổ đảng / ấp", "hamlet", ("to dang", "to dang ap", "ap", "to", "hamlet", "cell", "thon", "khom", "ap to dang")),
]
# Read on import only: how a member came here (the register's columns on transfers, the place of admission).
IMPORT_ONLY: list[tuple[str, tuple[str, ...]]] = [
    ("transfer_date", ("ngay chuyen den", "ngay den", "ngay chuyen sinh hoat den")),
    (
        "transfer_from",
        ("noi chuyen den", "chuyen den tu", "dang bo co so nao den", "o dang bo co so nao den", "noi sinh hoat truoc"),
    ),  # fmt: skip
    ("admission_place", ("noi vao dang", "noi ket nap", "ket nap tai", "noi ket nap vao dang")),
    ("note", ("ghi chu", "note")),
]
# The 7-HSĐV register puts several items in one column, one under another: the heading → the fields, in order.
COMBINED: dict[str, tuple[str, ...]] = {
    "ho va ten ho va ten khai sinh": ("full_name", "birth_name"),
    "ho va ten ho ten khai sinh": ("full_name", "birth_name"),
    "nam nu dan toc ton giao": ("gender", "ethnicity", "religion"),
    "que quan noi o hien nay": ("home_town", "residence"),
    "van hoa ly luan cmnv ngoai ngu": (
        "general_education",
        "political_theory",
        "professional_level",
        "foreign_language",
    ),  # fmt: skip
    "nghe nghiep truoc khi vao dang nghe nghiep hien nay": ("", "occupation"),
    "ngay vao dang ngay chinh thuc": ("admission_date", "official_date"),
    "so the dang vien so ly lich dang vien so huy hieu dang": ("card_number", "biography_no", "badge_no"),
    "ngay chuyen den o dang bo co so nao den": ("transfer_date", "transfer_from"),
    "ngay chuyen den dang bo co so nao den": ("transfer_date", "transfer_from"),
}
EXPORT_ONLY = ["Trạng thái"]
REQUIRED = ("full_name", "date_of_birth")
BATCH = 500  # rows written between two progress reports
DATE_FIELDS = {"date_of_birth", "admission_date", "admission_decision_date", "official_date", "badge_date"}
TRANSFER_WORDS = ("chuyen den", "chuyen sinh hoat den", "chuyen shd den", "transferred in")


class RowStatus(StrEnum):
    NEW = "new"
    NEW_CELL = "new_cell"  # new, in a cell (hamlet) that is not in the setup yet: imported if the cells are added
    DUPLICATE = "duplicate"
    ERROR = "error"


@dataclass(frozen=True)
class ImportRow:
    """One row of the file: what was read from it (shown in the preview, right or wrong), and what an import
    would do with it. *record* is what would be written, for a new row only."""

    line: int  # the row number in the file, as the user sees it in Excel
    full_name: str
    status: RowStatus
    reasons: tuple[Message, ...]
    record: MemberRecord | None
    date_of_birth: date | None = None
    ethnicity: str = ""
    hamlet: str = ""  # the cell as the file names it
    admission_date: date | None = None
    official_date: date | None = None
    joining: Joining = Joining()  # transferred in, when the row says the member came from elsewhere
    notes: tuple[Message, ...] = ()  # what the reader assumed, for the user to check

    @property
    def official(self) -> bool:
        return self.official_date is not None


@dataclass(frozen=True)
class ImportPreview:
    path: str
    rows: tuple[ImportRow, ...]
    new_hamlets: tuple[str, ...] = ()  # cells the file names that the setup does not have, in the file's order
    legacy: LegacyEncoding | None = None  # the old encoding the file's text was converted from (TCVN3, VNI)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def importable(self, create_cells: bool) -> int:
        """How many rows an import would write, with or without adding the new cells."""
        return self.count(RowStatus.NEW) + (self.count(RowStatus.NEW_CELL) if create_cells else 0)

    @property
    def refused(self) -> int:
        return self.count(RowStatus.DUPLICATE) + self.count(RowStatus.ERROR)


_msg = messages("Import")


def _key(text: object) -> str:
    """A heading as compared: no tone marks, no case, punctuation and line breaks as spaces."""
    return " ".join(re.sub(r"[,.;:/()\-\n\r*]+", " ", fold(str(text or ""))).split())


LOOKUP: dict[str, tuple[str, ...]] = {
    **{_key(alias): (field,) for heading, field, aliases in COLUMNS for alias in (heading, *aliases)},
    **{_key(alias): (field,) for field, aliases in IMPORT_ONLY for alias in aliases},
    **COMBINED,
}


def _header_map(header: list[object]) -> dict[int, tuple[str, ...]]:
    """Column → the fields it holds (one, or several for a combined column of the register); the first column
    naming a field wins."""
    mapping: dict[int, tuple[str, ...]] = {}
    taken: set[str] = set()
    for index, cell in enumerate(header):
        fields = LOOKUP.get(_key(cell), ())
        if fields and not taken.intersection(f for f in fields if f):
            mapping[index] = fields
            taken.update(f for f in fields if f)
    return mapping


def _fields(mapping: dict[int, tuple[str, ...]]) -> set[str]:
    return {f for fields in mapping.values() for f in fields if f}


def _numbering(row: list[object]) -> bool:
    """The row of column numbers (1, 2, 3 …) printed under the register's headings."""
    cells = [c for c in row if c not in (None, "")]
    return len(cells) >= 3 and all(str(c).strip().rstrip(".").isdigit() for c in cells)


def _parts(cell: object, count: int) -> list[object]:
    """A combined cell split into its *count* items (one per line, or separated by commas or semicolons)."""
    if count == 1 or not isinstance(cell, str):
        return [cell] + [None] * (count - 1)
    parts: list[object] = [p.strip() for p in re.split(r"[\n;,]+", cell) if p.strip()]
    return (parts + [None] * count)[:count]


def _gender(value: str) -> str:
    folded = fold(value)
    if folded in ("nu", "f", "female", "n"):
        return Gender.FEMALE
    if folded in ("nam", "m", "male"):
        return Gender.MALE
    return value


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return nfc("" if cell is None else str(cell))


def _hidden_characters(
    raw: list[object], mapping: dict[int, tuple[str, ...]], header: list[object], line: int
) -> list[Message]:
    """The cells of a row holding a character that would be dropped unseen or refused by the upper level (a NUL,
    a zero-width space, a direction override, pasted from elsewhere): the row is refused, saying where."""
    found = []
    for index in mapping:
        cell = raw[index] if index < len(raw) else None
        hidden = hidden_character(cell) if isinstance(cell, str) else None
        if hidden is not None:
            column = nfc(str(header[index] if index < len(header) else "")) or str(index + 1)
            found.append(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "Row {line}, column “{column}”: character {position} is a hidden or control character "
                        "({code}), which the upper level refuses. Delete it in the file (retype the cell) and open the "
                        "file again.",
                    ),
                    line=line,
                    column=column,
                    position=hidden.position,
                    code=hidden.code,
                )
            )
    return found


def _same_branch(place: str, branch_name: str) -> bool:
    """Whether an admission place names this branch ("Chi bộ ấp Sáu", "ấp Sáu", "Chi bộ ấp Sáu, xã Tân Hùng")."""
    here, there = _key(branch_name), _key(place)
    short = here.removeprefix("chi bo ").strip()
    return bool(there) and (here in there or there in here or (bool(short) and short == there.removeprefix("chi bo ")))


def _joining(read: dict[str, object], record: MemberRecord, branch_name: str) -> tuple[Joining, list[Message]]:
    """Admitted here, or transferred in when the row says so: a transfer date or origin, a note saying it, or an
    admission place other than this branch. A transfer without its date is dated by the latest Party date known
    (official, else admission), and the preview says so."""
    moved_on = read.get("transfer_date")
    origin = str(read.get("transfer_from") or "")
    place = str(read.get("admission_place") or "")
    note = _key(read.get("note"))
    elsewhere = bool(place) and not _same_branch(place, branch_name)
    if not (moved_on or origin or elsewhere or any(word in note for word in TRANSFER_WORDS)):
        return Joining(), []
    notes: list[Message] = []
    on = moved_on if isinstance(moved_on, date) else None
    if on is None:
        on = record.official_date or record.admission_date
        if on is not None:
            notes.append(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "Transferred in: the file gives no date of transfer, so {date} (the last Party date known) is "
                        "used; correct it in the member's history if needed.",
                    ),
                    date=screen_date(on),
                )
            )
    return Joining(JoinKind.TRANSFERRED_IN, on, note=origin or (place if elsewhere else "")), notes


class RosterIO:
    def __init__(self, db: Database, members: MemberService, organisation: OrganisationService) -> None:
        self._db = db
        self._members = members
        self._organisation = organisation

    def preview(self, path: Path) -> ImportPreview:
        """Read *path* and say, row by row, what an import would do. Writes nothing."""
        self._organisation.require_own_records()
        table, legacy = read_table_converted(path)
        header_index = next((i for i, row in enumerate(table[:10]) if "full_name" in _fields(_header_map(row))), None)
        if header_index is None:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Import", "No heading row with a “Họ và tên” column was found in the first 10 rows of {name}."
                    ),
                    name=path.name,
                )
            )
        mapping = _header_map(table[header_index])
        missing = [f for f in REQUIRED if f not in _fields(mapping)]
        if missing:
            headings = ", ".join(h for h, f, _ in COLUMNS if f in missing)
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Import", "The file has no column for: {columns}."), columns=headings)
            )
        organisation = self._organisation.require()
        hamlets = {fold(h.name): h.id for h in organisation.hamlets}
        new_hamlets: dict[str, str] = {}  # folded → as first written
        with self._db.read() as session:
            cccds, names = member_queries.identity_keys(session)
        seen_cccd: dict[str, int] = {}
        seen_name: dict[tuple[str, str], int] = {}
        rows = []
        body = table[header_index + 1 :]
        skip = 1 if body and _numbering(body[0]) else 0
        for offset, raw in enumerate(body[skip:], start=skip):
            line = header_index + 2 + offset
            read, reasons = self._read(raw, mapping)
            reasons[:0] = _hidden_characters(raw, mapping, table[header_index], line)
            cell = str(read.pop("hamlet", "") or "")
            if cell and fold(cell) in hamlets:
                read["hamlet_id"] = hamlets[fold(cell)]
            elif cell:
                new_hamlets.setdefault(fold(cell), cell)
            row = self._row(line, read, reasons, cell, organisation.branch_name, cccds, names, seen_cccd, seen_name)
            rows.append(row)
        return ImportPreview(str(path), tuple(rows), tuple(new_hamlets.values()), legacy)

    def _read(self, raw: list[object], mapping: dict[int, tuple[str, ...]]) -> tuple[dict[str, object], list[Message]]:
        """The values of one row by field (dates as dates, texts trimmed and NFC), and the cells that could not
        be read."""
        read: dict[str, object] = {}
        reasons: list[Message] = []
        for index, fields in mapping.items():
            cell = raw[index] if index < len(raw) else None
            for field, part in zip(fields, _parts(cell, len(fields)), strict=True):
                if not field:
                    continue
                if field in DATE_FIELDS or field == "transfer_date":
                    try:
                        read[field] = parse_date(part)
                    except ImpossibleDateError as error:  # written right, but no such day: say which
                        reasons.append(date_problem(error))
                    except ValueError:
                        reasons.append(
                            _msg(
                                QT_TRANSLATE_NOOP("Import", "“{value}” is not a date (use dd/mm/yyyy)."),
                                value=str(part),
                            )
                        )
                else:
                    text = _text(part)
                    read[field] = _gender(text) if field == "gender" else text
        return read, reasons

    def _row(
        self,
        line: int,
        read: dict[str, object],
        reasons: list[Message],
        cell: str,
        branch_name: str,
        cccds: set[str],
        names: set[tuple[str, str]],
        seen_cccd: dict[str, int],
        seen_name: dict[tuple[str, str], int],
    ) -> ImportRow:
        record_fields = {f.name for f in dataclass_fields(MemberRecord)}
        record = MemberRecord(**{k: v for k, v in read.items() if k in record_fields}).normalised()  # type: ignore[arg-type]
        if not record.ethnicity:
            record = replace(record, ethnicity="Kinh")
        joining, notes = _joining(read, record, branch_name)
        if not reasons:
            reasons.extend(self._members.validate(record, joining).values())
        shown = ImportRow(
            line,
            record.full_name,
            RowStatus.ERROR,
            (),
            None,
            record.date_of_birth,
            record.ethnicity,
            cell,
            record.admission_date,
            record.official_date,
            joining,
            tuple(notes),
        )
        if reasons:
            return replace(shown, reasons=tuple(reasons))
        name_key = (fold(record.full_name), record.date_of_birth.isoformat() if record.date_of_birth else "")
        if record.cccd and record.cccd in cccds:
            reason = _msg(
                QT_TRANSLATE_NOOP("Import", "A member with ID number {cccd} is already in the roster."),
                cccd=record.cccd,
            )
        elif record.cccd and record.cccd in seen_cccd:
            reason = _msg(
                QT_TRANSLATE_NOOP("Import", "The same ID number is on row {line} of this file."),
                line=seen_cccd[record.cccd],
            )
        elif name_key in names:
            reason = _msg(
                QT_TRANSLATE_NOOP("Import", "A member with the same name and date of birth is already in the roster.")
            )
        elif name_key in seen_name:
            reason = _msg(
                QT_TRANSLATE_NOOP("Import", "The same name and date of birth are on row {line} of this file."),
                line=seen_name[name_key],
            )
        else:
            if record.cccd:
                seen_cccd[record.cccd] = line
            seen_name[name_key] = line
            new_cell = bool(cell) and record.hamlet_id is None
            return replace(shown, status=RowStatus.NEW_CELL if new_cell else RowStatus.NEW, record=record)
        return replace(shown, status=RowStatus.DUPLICATE, reasons=(reason,))

    def commit(
        self, preview: ImportPreview, report: Callable[[int], bool] | None = None, create_cells: bool = False
    ) -> Change:
        """Write every new row of *preview* in one transaction, after checking nobody added them meanwhile; with
        *create_cells*, the cells the setup lacks are added first and their rows go in too (without, those rows
        wait). *report(n)* is told how many rows are written; when it returns False the transaction is rolled back
        and nothing is imported."""
        wanted = {RowStatus.NEW, RowStatus.NEW_CELL} if create_cells else {RowStatus.NEW}
        new = [r for r in preview.rows if r.status in wanted and r.record is not None]
        if not new:
            return Change(frozenset())
        organisation = self._organisation.require_own_records()
        with self._db.write() as session:
            cccds, names = member_queries.identity_keys(session)
            for row in new:
                record = row.record
                assert record is not None
                key = (fold(record.full_name), record.date_of_birth.isoformat() if record.date_of_birth else "")
                if (record.cccd and record.cccd in cccds) or key in names:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Import",
                                "The roster changed since the preview ({name} is now there). Nothing was imported; open the file again.",
                            ),
                            name=record.full_name,
                        )
                    )
            cells = (
                member_queries.add_hamlets(session, organisation.branch_id, list(preview.new_hamlets))
                if (create_cells and preview.new_hamlets)
                else {}
            )
            items = []
            for row in new:
                record = row.record
                assert record is not None
                if row.status == RowStatus.NEW_CELL:
                    record = replace(record, hamlet_id=cells[fold(row.hamlet)])
                items.append((record, initial_events(record, row.joining)))
            ids: list[int] = []
            for start in range(0, len(items), BATCH):
                if report is not None and not report(start):
                    raise UserError(_msg(QT_TRANSLATE_NOOP("Import", "Cancelled; nothing was imported.")))
                ids += member_queries.add_members_bulk(session, organisation.branch_id, items[start : start + BATCH])
        topics = (Topic.MEMBERS, Topic.ORGANISATION) if cells else (Topic.MEMBERS,)
        return Change(frozenset(topics), tuple(ids))

    def export_xlsx(
        self, path: Path, on: date | None = None, translate: Callable[[str, str], str] | None = None
    ) -> int:
        """The whole roster in the import's column layout (so it reads back in); returns the row count."""
        roster = self._members.roster(on)
        hamlet_names = {h.id: h.name for h in self._organisation.require().hamlets}
        headings = [h for h, _f, _a in COLUMNS] + EXPORT_ONLY
        rows = []
        for entry, state in sorted(roster.entries, key=lambda item: name_sort_key(item[0].record.full_name)):
            r = entry.record
            row: list[object] = []
            for _heading, field, _aliases in COLUMNS:
                if field == "hamlet":
                    row.append(hamlet_names.get(r.hamlet_id or -1, ""))
                elif field == "gender":
                    row.append("Nữ" if r.gender == Gender.FEMALE else "Nam")
                else:
                    row.append(getattr(r, field))
            label = STATUS_LABELS[Status(state.status)]
            row.append(translate("Status", label) if translate else label)
            rows.append(row)
        write_xlsx(path, headings, rows, "Danh sách đảng viên")
        return len(rows)
