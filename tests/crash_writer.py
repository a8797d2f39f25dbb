"""The writer the crash test kills: members, meetings and repayments in a loop, each reported only after
its transaction committed. Runs in a process of its own (see tests/storage/test_crash.py)."""

from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database
from tests.helpers.days import CLOCK, TODAY


def run(path: str, report: Connection, start: int, loan_id: int) -> None:
    services = Services.build(Database(Path(path), clock=CLOCK))
    report.send_bytes(b"ready")
    n = start
    while True:
        n += 1
        cccd = f"{n // 10**6:03d}080{n % 10**6:06d}"  # a man born in 1980, unique per n
        services.members.add(
            MemberRecord(
                full_name="Nguyễn Văn Bền",
                gender="M",
                date_of_birth=date(1980, 3, 4),
                cccd=cccd,
                admission_date=date(2010, 5, 19),
                official_date=date(2011, 5, 20),
            )
        )
        report.send_bytes(f"member {cccd}".encode())
        meeting_id = services.meetings.create(MeetingRecord(on=date(2000, 1, 1) + timedelta(days=n))).ids[0]
        report.send_bytes(f"meeting {meeting_id}".encode())
        services.funds.repay(loan_id, 1000, TODAY, f"crash-{n}")
        report.send_bytes(f"repay crash-{n}".encode())
