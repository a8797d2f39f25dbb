"""The minutes of a meeting (biên bản sinh hoạt chi bộ) in the layout of HD 36-HD/VPTW, and the addendum page of
approved minutes that were corrected."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import MinutesData
from chibo_desktop.reports.api import DocumentStyle
from chibo_desktop.reports.layout import (
    DraftMark,
    SignedAfterText,
    build_pdf,
    esc,
    frame_width,
    header_block,
    signatures,
    signed,
    styles,
)

LEADS_IN = ("left_bold", "leads_in")  # the styles of the headings and lead-ins ("Ý kiến thảo luận:") of the text

APPROVAL = "Biên bản đã được đọc lại cho chi bộ nghe và được nhất trí thông qua."
DRAFT_CLOSING = "(Dự thảo biên bản, đọc tại buổi sinh hoạt để chi bộ góp ý; chưa được chi bộ thông qua.)"


def draft_box(style: DocumentStyle) -> Table:
    """ "DỰ THẢO" in a box under the heading, where nobody reads the title without seeing it."""
    s = styles(style)
    box = Table([[Paragraph("DỰ THẢO", s["sign_title"])]], colWidths=[40 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black)]))
    return box


def _ratio(part: int, whole: int) -> str:
    if not whole:
        return "–"
    value = round(100 * part / whole, 1)
    return f"{value:.1f}".replace(".", ",").replace(",0", "") + "%"


def _signers(data: MinutesData) -> tuple[str, str]:
    """The secretary's and the chair's names under their signatures: the names alone (a signature needs no year of
    birth to tell one "Nguyễn Văn An" from another; the text above names which one chaired)."""
    return data.signers if data.signers is not None else (data.secretary, data.chair)


def _typed(lead: str, text: str, style: ParagraphStyle) -> list[Paragraph]:
    """*text* as the secretary typed it, after *lead*: each line she ended with Enter starts a paragraph of its own,
    as in minutes written by hand (empty lines dropped: the paragraphs keep their own spacing)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if line] or [""]
    return [Paragraph(esc((lead if n == 0 else "") + line), style) for n, line in enumerate(kept)]


def _last_paragraph(story: list[Flowable]) -> tuple[list[Flowable], Paragraph]:
    """Takes off the end of *story* the last paragraph of the text and the headings and lead-ins right above it, to
    be kept on one page with the signatures."""
    last = story.pop()
    assert isinstance(last, Paragraph), last  # the text always ends on a paragraph, if only "(Không ghi nội dung.)"
    lead: list[Flowable] = []
    while isinstance(story[-1], Spacer) or (isinstance(story[-1], Paragraph) and story[-1].style.name in LEADS_IN):
        lead.insert(0, story.pop())
    return lead, last


def minutes_story(data: MinutesData, style: DocumentStyle, frame_width: float) -> list[Flowable]:
    """The flowables of one meeting's minutes, for a single document or the year's book."""
    s = styles(style)
    body, bold = s["body"], s["summary"]
    left = s["body"].clone(LEADS_IN[0], fontName=bold.fontName)
    leads_in = s["body"].clone(LEADS_IN[1])
    story: list[Flowable] = [DraftMark(not data.approved), header_block(data.header, style, frame_width)]
    number = data.number or "........-BB/CB"  # room to write the number by hand
    story.append(Paragraph(esc(f"Số {number}"), s["upper"].clone("number", alignment=0)))
    if not data.approved:
        story.append(Spacer(1, 2 * mm))
        story.append(draft_box(style))
    story.append(Paragraph("BIÊN BẢN", s["title"]))
    story.append(Paragraph(esc(data.summary_line), bold))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(f"Thời gian bắt đầu: {data.started}."), body))
    if data.place:
        story.append(Paragraph(esc(f"Địa điểm: {data.place}."), body))
    if data.guests:
        story.append(Paragraph(esc("Khách mời: " + "; ".join(data.guests) + "."), body))
    story.append(Paragraph(esc(f"Chủ trì: {data.chair or '..............................'}."), body))
    story.append(Paragraph(esc(f"Thư ký: {data.secretary or '..............................'}."), body))
    for line in data.count_lines:
        story.append(Paragraph(esc(line), body))
    if data.excused:
        listed = "; ".join(f"{name} ({reason})" for name, reason in data.excused)
        story.append(Paragraph(esc(f"Vắng có lý do ({len(data.excused)} đồng chí): {listed}."), body))
    if data.unexcused:
        story.append(
            Paragraph(esc(f"Vắng không có lý do ({len(data.unexcused)} đồng chí): {'; '.join(data.unexcused)}."), body)
        )

    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("NỘI DUNG SINH HOẠT", left))
    if not data.items:
        story.append(Paragraph("(Không ghi nội dung.)", body))
    for n, item in enumerate(data.items, start=1):
        story.append(Paragraph(esc(f"{n}. {item.title}"), left))
        if item.content or item.presenter:
            who = f"Đồng chí {item.presenter} trình bày: " if item.presenter else ""
            story.extend(_typed(who, item.content, body))
        if item.opinions:
            story.append(Paragraph("Ý kiến thảo luận:", leads_in))
            for speaker, said in item.opinions:
                story.extend(_typed(f"- Đồng chí {speaker}: ", said, body))
        if item.conclusion:
            story.extend(_typed("Kết luận của chủ trì: ", item.conclusion, body))
    if data.speakers_line:
        story.append(Paragraph(esc(data.speakers_line), body))

    if data.votes:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph("NGHỊ QUYẾT VÀ BIỂU QUYẾT", left))
        for n, v in enumerate(data.votes, start=1):
            story.append(
                Paragraph(
                    esc(
                        f"{n}. {v.text}: tán thành {v.votes_for}/{v.entitled} đồng chí ({_ratio(v.votes_for, v.entitled)}); "
                        f"không tán thành {v.votes_against} ({_ratio(v.votes_against, v.entitled)}); "
                        f"không biểu quyết {v.votes_abstain} ({_ratio(v.votes_abstain, v.entitled)})."
                    ),
                    body,
                )
            )
    if data.assignments:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph("PHÂN CÔNG NHIỆM VỤ", left))
        for name, task, due in data.assignments:
            tail = f" (thời hạn: {due})" if due else ""
            story.append(Paragraph(esc(f"- Đồng chí {name}: {task}{tail}."), body))

    lead, last = _last_paragraph(story)
    ended = (
        f"Buổi sinh hoạt kết thúc lúc {data.ended} cùng ngày."
        if data.ended
        else "Buổi sinh hoạt kết thúc lúc ...... giờ ...... phút cùng ngày."
    )
    closing = [Paragraph(esc(ended), body), Paragraph(esc(APPROVAL if data.approved else DRAFT_CLOSING), body)]
    signature_block = signatures(*_signers(data), style, frame_width)
    story.append(SignedAfterText(lead, last, [Spacer(1, 3 * mm), *closing], signature_block))
    story.append(DraftMark(False))
    return story


def minutes_pdf(data: MinutesData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    story = minutes_story(data, style, frame_width(style))
    return build_pdf(out, story, style, "Biên bản sinh hoạt chi bộ", data.header.branch_name)


def addendum_story(data: MinutesData, style: DocumentStyle, width: float) -> list[Flowable]:
    s = styles(style)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("PHỤ LỤC ĐÍNH CHÍNH", s["title"]))
    story.append(Paragraph(esc(f"Biên bản {data.summary_line}"), s["summary"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("Biên bản gốc được giữ nguyên; chi bộ đính chính các nội dung sau:", s["body"]))
    for n, (on, reason, text) in enumerate(data.addenda, start=1):
        story.append(Paragraph(esc(f"{n}. Ngày {on}. Lý do: {reason}"), s["body"]))
        story.append(Paragraph(esc(f"Nội dung đính chính: {text}"), s["body"]))
    last = story.pop()  # the last correction is signed under, never left behind
    story.append(signed([last], signatures(*_signers(data), style, width)))
    return story


def addendum_pdf(data: MinutesData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    return build_pdf(
        out,
        addendum_story(data, style, frame_width(style)),
        style,
        "Phụ lục đính chính biên bản",
        data.header.branch_name,
    )


def minutes_with_addenda_pdf(data: MinutesData, out: Path, style: DocumentStyle | None = None) -> Path:
    """The minutes, followed by their addendum page when the approved minutes were corrected."""
    style = style or DocumentStyle()
    width = frame_width(style)
    story = minutes_story(data, style, width)
    if data.addenda:
        story.append(PageBreak())
        story.extend(addendum_story(data, style, width))
    return build_pdf(out, story, style, "Biên bản sinh hoạt chi bộ", data.header.branch_name)
