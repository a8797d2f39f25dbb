"""Small builders shared by tests that need a few real records."""

from datetime import date

from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.services.wiring import Services


def add_member(services: Services, name: str, cccd: str = "", **more: object) -> int:
    fields: dict[str, object] = {
        "gender": "F" if " Thị " in name else "M",
        "date_of_birth": date(1980, 3, 4),
        "admission_date": date(2010, 5, 19),
        "official_date": date(2011, 5, 20),
    }
    record = MemberRecord(full_name=name, cccd=cccd, **{**fields, **more})  # type: ignore[arg-type]
    return services.members.add(record).ids[0]
