"""Documents benchmark: one meeting's minutes and the year book of a 300-member branch.

Run: ``python -m tests.benchmarks.bench_documents``. The floor is reportlab drawing the same text (extracted
back from our PDF) as plain lines in a built-in font on as many pages, in the same run.
"""

import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from chibo_desktop.reports.book import book_pdf
from chibo_desktop.reports.minutes import minutes_pdf
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.printing import MINUTES, MINUTES_BOOK
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.benchmarks.measure import report, timed
from tests.helpers.days import CLOCK, TODAY


def plain_text_pdf(text: str, pages: int, out: Path) -> None:
    """The floor: the same characters as plain lines, spread over the same number of pages."""
    lines = [line for line in text.splitlines() if line.strip()]
    per_page = max(1, -(-len(lines) // pages))
    canvas = Canvas(str(out), pagesize=A4)
    for start in range(0, len(lines), per_page):
        y = 800.0
        canvas.setFont("Times-Roman", 12)
        for line in lines[start : start + per_page]:
            canvas.drawString(60, y, line.encode("latin-1", "replace").decode("latin-1"))
            y -= 14
        canvas.showPage()
    canvas.save()


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    db = open_database(folder / "bench.sqlite", clock=CLOCK)
    write_demo(db, members=300, seed=9, today=TODAY, meeting_years=1)
    services = Services.build(db)
    meetings = services.meetings.list_meetings(TODAY.year)
    meeting_id = meetings[0].id
    print(f"300 members, {len(meetings)} meetings in {TODAY.year}\n")

    one = folder / "one.pdf"
    ours = timed(lambda: minutes_pdf(services.printer.data(MINUTES, meeting_id), one))
    reader = PdfReader(one)
    text = "\n".join(p.extract_text() for p in reader.pages)
    floor = timed(lambda: plain_text_pdf(text, len(reader.pages), folder / "one-floor.pdf"))
    report(f"one meeting's minutes ({len(reader.pages)} pages)", ours, floor, "reportlab, same text as plain lines")

    book = folder / "book.pdf"
    ours = timed(lambda: book_pdf(services.printer.data(MINUTES_BOOK, TODAY.year), book), repeat=1)
    reader = PdfReader(book)
    text = "\n".join(p.extract_text() for p in reader.pages)
    floor = timed(lambda: plain_text_pdf(text, len(reader.pages), folder / "book-floor.pdf"), repeat=1)
    report(
        f"year book, {len(meetings)} meetings ({len(reader.pages)} pages)",
        ours,
        floor,
        "reportlab, same text as plain lines",
    )
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
