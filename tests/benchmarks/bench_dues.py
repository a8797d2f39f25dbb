"""Dues benchmark: the dues book of a 300-member branch for a year, and the collection screen's keystroke.

Run: ``python -m tests.benchmarks.bench_dues [--members N]``. Floors measured in the same run: reportlab laying out
the book's own text as plain lines on as many pages; the raw SELECT of the journal; one raw INSERT and commit.
"""

import argparse
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from chibo_desktop.domain.dues import Channel
from chibo_desktop.reports.dues_pdf import book_pdf
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import dues_documents
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.benchmarks.bench_documents import plain_text_pdf
from tests.benchmarks.measure import report, timed
from tests.helpers.days import CLOCK, TODAY


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=300)
    members = parser.parse_args().members
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    db = open_database(folder / "bench.sqlite", clock=CLOCK)
    start = time.perf_counter()
    write_demo(db, members=members, seed=9, today=TODAY, meeting_years=0)
    built = time.perf_counter() - start
    services = Services.build(db)
    with sqlite3.connect(db.path) as conn:
        entries = conn.execute("SELECT count(*) FROM dues_entry").fetchone()[0]
    print(f"{members} members, {entries:,} dues entries (February–November {TODAY.year}), built in {built:.1f} s\n")

    def raw_select() -> object:
        with sqlite3.connect(db.path) as conn:
            return conn.execute("SELECT * FROM dues_entry ORDER BY month, id").fetchall()

    select_floor = timed(raw_select)
    month = date(TODAY.year, TODAY.month, 1)
    cold = Services.build(db)
    first = timed(lambda: cold.dues.sheet(month), repeat=1)
    report("the month's collection screen, first load", first, select_floor, "raw SELECT of the journal")
    report("the month's collection screen, again", timed(lambda: services.dues.sheet(month)), select_floor,
           "raw SELECT of the journal")  # fmt: skip

    sheet = services.dues.sheet(month)
    owing = [row.member_id for row in sheet.rows if row.month.owed > 0][:10]
    times = []
    for member_id in owing:
        begin = time.perf_counter()
        posted = services.dues.pay_owed(member_id, month, Channel.CASH)
        posted.row(member_id, month)
        posted.totals(month)
        times.append(time.perf_counter() - begin)
    path = folder / "floor.sqlite"

    def raw_insert() -> None:
        with sqlite3.connect(path, isolation_level=None) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, amount INTEGER, note TEXT)")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (amount, note) VALUES (11100, 'x')")
            conn.execute("COMMIT")

    insert_floor = timed(raw_insert, repeat=5)
    times.sort()
    report("a keystroke: pay, redraw the line and the total", times[len(times) // 2], insert_floor,
           "raw INSERT + commit of one row")  # fmt: skip

    ledger = services.dues.ledger()
    data_time = timed(lambda: dues_documents.book_data(ledger, services.organisation, TODAY.year, TODAY), repeat=1)
    data = dues_documents.book_data(ledger, services.organisation, TODAY.year, TODAY)
    out = folder / "so-dang-phi.pdf"
    ours = timed(lambda: book_pdf(data, out), repeat=1)
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    floor = timed(lambda: plain_text_pdf(text, len(reader.pages), folder / "floor.pdf"), repeat=1)
    pages = len(reader.pages)
    report(f"the dues book's figures ({members} members, a year)", data_time, select_floor, "raw SELECT of the journal")
    report(f"the dues book printed ({pages} pages)", ours, floor, "reportlab, same text as plain lines")
    xlsx = timed(lambda: dues_documents.write_book_xlsx(data, folder / "so.xlsx"), repeat=1)
    report("the dues book as a workbook", xlsx, floor, "reportlab, same text as plain lines")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
