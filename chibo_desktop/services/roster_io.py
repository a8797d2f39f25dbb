"""Importing a roster from a spreadsheet with a preview, and exporting it.

Nothing is written until the user confirms; then all new rows go in one transaction, or none do.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from chibo_desktop.domain.dates import parse_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import STATUS_LABELS, Gender, MemberRecord, Status
from chibo_desktop.domain.text import fold, name_sort_key, nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.members import Joining, MemberService, initial_events
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.table_files import read_table, write_xlsx
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database

# Column heading (as written in the export, Vietnamese) → record field. Import also accepts the aliases.
COLUMNS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Họ và tên", "full_name", ("ho ten", "ho va ten dang dung", "full name", "name")),
    ("Họ tên khai sinh", "birth_name", ("ten khai sinh", "birth name")),
    ("Giới tính", "gender", ("gioi", "nam/nu", "gender", "sex")),
    ("Ngày sinh", "date_of_birth", ("sinh ngay", "date of birth", "birth date")),
    ("Nơi sinh", "place_of_birth", ("place of birth",)),
    ("Quê quán", "home_town", ("que", "home town")),
    ("Nơi ở hiện nay", "residence", ("cho o hien nay", "noi o", "cho o", "residence", "address")),
    ("Dân tộc", "ethnicity", ("ethnicity",)),
    ("Tôn giáo", "religion", ("religion",)),
    ("Số CCCD", "cccd", ("cccd", "so can cuoc", "can cuoc cong dan", "so dinh danh", "id number")),
    ("Điện thoại", "phone", ("so dien thoai", "dt", "phone")),
    ("Nghề nghiệp", "occupation", ("occupation",)),
    ("Giáo dục phổ thông", "general_education", ("trinh do van hoa", "van hoa", "education")),
    ("Chuyên môn", "professional_level", ("trinh do chuyen mon", "professional level")),
    ("Lý luận chính trị", "political_theory", ("trinh do ly luan chinh tri", "llct", "political theory")),
    ("Ngoại ngữ", "foreign_language", ("foreign language",)),
    ("Tin học", "informatics", ("informatics",)),
    ("Ngày vào Đảng", "admission_date", ("ngay ket nap", "admission date")),
    ("Số quyết định kết nạp", "admission_decision_no", ("so qd ket nap",)),
    ("Ngày quyết định kết nạp", "admission_decision_date", ("ngay qd ket nap",)),
    ("Ngày chính thức", "official_date", ("ngay chinh thuc", "official date")),
    ("Số quyết định chính thức", "official_decision_no", ("so qd chinh thuc",)),
    ("Số thẻ đảng viên", "card_number", ("so the dang", "so the", "the dang vien", "card number")),
    ("Số lý lịch", "biography_no", ("so ly lich dang vien", "biography number")),
    ("Số huy hiệu", "badge_no", ("huy hieu",)),
    ("Ngày nhận huy hiệu", "badge_date", ("ngay huy hieu",)),
    ("Chức vụ Đảng", "party_position", ("chuc vu dang", "party position")),
    ("Chức vụ chính quyền, đoàn thể", "government_position", ("chuc vu chinh quyen", "chuc vu")),
    ("Tổ đảng / ấp", "hamlet", ("to dang", "ap", "to", "hamlet", "cell", "thon", "khom")),
]
EXPORT_ONLY = ["Trạng thái"]
REQUIRED = ("full_name", "date_of_birth")
BATCH = 500  # rows written between two progress reports
DATE_FIELDS = {"date_of_birth", "admission_date", "admission_decision_date", "official_date", "badge_date"}


class RowStatus(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    ERROR = "error"


@dataclass(frozen=True)
class ImportRow:
    line: int  # the row number in the file, as the user sees it in Excel
    full_name: str
    status: RowStatus
    reasons: tuple[Message, ...]
    record: MemberRecord | None


@dataclass(frozen=True)
class ImportPreview:
    path: str
    rows: tuple[ImportRow, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def refused(self) -> int:
        return self.count(RowStatus.DUPLICATE) + self.count(RowStatus.ERROR)


def _msg(text: str, **args: object) -> Message:
    return Message("Import", text, dict(args))


def _header_map(header: list[object]) -> dict[int, str]:
    lookup: dict[str, str] = {}
    for heading, field, aliases in COLUMNS:
        lookup[fold(heading)] = field
        for alias in aliases:
            lookup[alias] = field
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        key = " ".join(fold(str(cell or "")).replace("/", " / ").replace(" / ", "/").split())
        key = key.rstrip(":").strip()
        if key in lookup and lookup[key] not in mapping.values():
            mapping[index] = lookup[key]
    return mapping


def _gender(value: str) -> str:
    folded = fold(value)
    if folded in ("nu", "f", "female", "n"):
        return Gender.FEMALE
    if folded in ("nam", "m", "male"):
        return Gender.MALE
    return value


class RosterIO:
    def __init__(self, db: Database, members: MemberService, organisation: OrganisationService) -> None:
        self._db = db
        self._members = members
        self._organisation = organisation

    def preview(self, path: Path) -> ImportPreview:
        """Read *path* and say, row by row, what an import would do. Writes nothing."""
        self._organisation.require_own_records()
        table = read_table(path)
        header_index = next((i for i, row in enumerate(table[:10]) if "full_name" in _header_map(row).values()), None)
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
        missing = [f for f in REQUIRED if f not in mapping.values()]
        if missing:
            headings = ", ".join(h for h, f, _ in COLUMNS if f in missing)
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Import", "The file has no column for: {columns}."), columns=headings)
            )
        organisation = self._organisation.require()
        hamlets = {fold(h.name): h.id for h in organisation.hamlets}
        with self._db.read() as session:
            cccds, names = member_queries.identity_keys(session)
        seen_cccd: dict[str, int] = {}
        seen_name: dict[tuple[str, str], int] = {}
        rows = []
        for offset, raw in enumerate(table[header_index + 1 :]):
            line = header_index + 2 + offset
            rows.append(self._row(line, raw, mapping, hamlets, cccds, names, seen_cccd, seen_name))
        return ImportPreview(str(path), tuple(rows))

    def _row(
        self,
        line: int,
        raw: list[object],
        mapping: dict[int, str],
        hamlets: dict[str, int],
        cccds: set[str],
        names: set[tuple[str, str]],
        seen_cccd: dict[str, int],
        seen_name: dict[tuple[str, str], int],
    ) -> ImportRow:
        values: dict[str, object] = {}
        reasons: list[Message] = []
        for index, field in mapping.items():
            cell = raw[index] if index < len(raw) else None
            if field in DATE_FIELDS:
                try:
                    values[field] = parse_date(cell)
                except ValueError:
                    reasons.append(
                        _msg(QT_TRANSLATE_NOOP("Import", "“{value}” is not a date (use dd/mm/yyyy)."), value=str(cell))
                    )
            elif field == "hamlet":
                text = nfc(str(cell or ""))
                if text:
                    hamlet_id = hamlets.get(fold(text))
                    if hamlet_id is None:
                        reasons.append(
                            _msg(
                                QT_TRANSLATE_NOOP(
                                    "Import",
                                    "Unknown hamlet or cell “{name}”: add it in the branch setup or correct the file.",
                                ),
                                name=text,
                            )
                        )
                    values["hamlet_id"] = hamlet_id
            else:
                text = "" if cell is None else str(cell)
                if isinstance(cell, float) and cell.is_integer():
                    text = str(int(cell))
                values[field] = _gender(nfc(text)) if field == "gender" else nfc(text)
        record = MemberRecord(**values).normalised()  # type: ignore[arg-type]
        if not record.ethnicity:
            record = replace(record, ethnicity="Kinh")
        if not reasons:
            errors = self._members.validate(record)
            reasons.extend(errors.values())
        if reasons:
            return ImportRow(line, record.full_name, RowStatus.ERROR, tuple(reasons), None)
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
            return ImportRow(line, record.full_name, RowStatus.NEW, (), record)
        return ImportRow(line, record.full_name, RowStatus.DUPLICATE, (reason,), None)

    def commit(self, preview: ImportPreview, report: Callable[[int], bool] | None = None) -> Change:
        """Write every new row of *preview* in one transaction, after checking nobody added them meanwhile.
        *report(n)* is told how many rows are written; when it returns False the transaction is rolled back and
        nothing is imported."""
        new = [r.record for r in preview.rows if r.status == RowStatus.NEW and r.record is not None]
        if not new:
            return Change(frozenset())
        organisation = self._organisation.require_own_records()
        with self._db.write() as session:
            cccds, names = member_queries.identity_keys(session)
            for record in new:
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
            ids: list[int] = []
            for start in range(0, len(new), BATCH):
                if report is not None and not report(start):
                    raise UserError(_msg(QT_TRANSLATE_NOOP("Import", "Cancelled; nothing was imported.")))
                batch = new[start : start + BATCH]
                ids += member_queries.add_members_bulk(
                    session, organisation.branch_id, [(record, initial_events(record, Joining())) for record in batch]
                )
        return Change.of(Topic.MEMBERS, *ids)

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
