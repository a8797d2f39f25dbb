"""The year's minutes book: a cover, a contents page with page numbers, then every meeting's minutes."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.documents import BookData
from chibo_desktop.files import replace_atomically
from chibo_desktop.reports.api import BookCancelledError
from chibo_desktop.reports.layout import DocumentStyle, PageDecorator, PartyDocTemplate, esc, frame_width, styles
from chibo_desktop.reports.minutes import addendum_story, minutes_story


class _Marker(Flowable):
    """An invisible mark that puts one meeting into the contents and reports progress."""

    def __init__(self, title: str, index: int) -> None:
        super().__init__()
        self.title = title
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class _BookTemplate(PartyDocTemplate):
    def __init__(self, filename: str, progress: Callable[[int], bool], **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self._progress = progress

    def afterFlowable(self, flowable: Flowable) -> None:
        super().afterFlowable(flowable)
        if isinstance(flowable, _Marker):
            self.notify("TOCEntry", (0, flowable.title, self.page))
            if not self._progress(flowable.index):
                raise BookCancelledError()


def book_pdf(
    data: BookData,
    out: Path,
    progress: Callable[[int], bool] = lambda _done: True,
    style: DocumentStyle | None = None,
) -> Path:
    """Write the book to *out*. *progress(n)* is told how many meetings are laid out (twice over: the contents
    need two passes) and returns False to cancel, in which case nothing is left behind."""
    style = style or DocumentStyle()
    s = styles(style)
    width = frame_width(style)
    story: list[Flowable] = [
        Spacer(1, 40 * mm),
        Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", s["party"]),
        Paragraph(esc(data.header.upper_name.upper()), s["upper"]),
        Paragraph(esc(data.header.branch_name.upper()), s["branch"]),
        Spacer(1, 40 * mm),
        Paragraph("SỔ BIÊN BẢN", s["title"].clone("cover", fontSize=26, leading=32)),
        Paragraph("SINH HOẠT CHI BỘ", s["title"].clone("cover2", fontSize=20, leading=26)),
        Spacer(1, 10 * mm),
        Paragraph(esc(f"Năm {data.year}"), s["summary"]),
        Spacer(1, 50 * mm),
        Paragraph(esc(f"Gồm {len(data.minutes)} biên bản"), s["subtitle"]),
        PageBreak(),
        Paragraph("MỤC LỤC", s["title"]),
        Spacer(1, 4 * mm),
    ]
    contents = TableOfContents()
    contents.levelStyles = [s["body"].clone("toc", fontSize=12, leading=16, leftIndent=0)]
    story.append(contents)
    for index, minutes in enumerate(data.minutes, start=1):
        story.append(PageBreak())
        title = f"{minutes.summary_line[0].upper()}{minutes.summary_line[1:]} ({screen_date(minutes.header.on)})"
        story.append(_Marker(title, index))
        story.extend(minutes_story(minutes, style, width))
        if minutes.addenda:
            story.append(PageBreak())
            story.extend(addendum_story(minutes, style, width))
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(temporary: Path) -> None:
        doc = _BookTemplate(
            str(temporary),
            progress,
            pagesize=style.pagesize,
            leftMargin=style.left_mm * mm,
            rightMargin=style.right_mm * mm,
            topMargin=style.top_mm * mm,
            bottomMargin=style.bottom_mm * mm,
            title=f"Sổ biên bản sinh hoạt chi bộ năm {data.year}",
            author=data.header.branch_name,
        )
        decorate = PageDecorator(style)
        doc.multiBuild(story, onFirstPage=decorate, onLaterPages=decorate)

    return replace_atomically(out, write)
