"""The year in charts, on paper: attendance per month, the membership mix, the funds' balance month by month.
Drawn with reportlab's own charts, in the bundled font, A4 portrait."""

from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.charts import MONTHS, NO_HAMLET, ChartsData
from chibo_desktop.domain.formatting import number
from chibo_desktop.reports.fonts import SERIF
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles

WIDTH, HEIGHT = 165 * mm, 52 * mm
LINE_COLOURS = (colors.HexColor("#1f4e79"), colors.HexColor("#b03a2e"), colors.HexColor("#1e8449"), colors.grey)


def _axis_fonts(chart: VerticalBarChart | HorizontalBarChart | HorizontalLineChart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = SERIF
        axis.labels.fontSize = 8


def attendance_chart(data: ChartsData) -> Drawing:
    drawing = Drawing(WIDTH, HEIGHT)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 18, WIDTH - 40, HEIGHT - 30
    chart.data = [[value if value is not None else 0 for value in data.attendance]]
    chart.categoryAxis.categoryNames = list(MONTHS)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.bars[0].fillColor = colors.HexColor("#1f4e79")
    chart.barLabelFormat = lambda v: f"{v:.0f}" if v else ""
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = SERIF, 7, 6
    _axis_fonts(chart)
    drawing.add(chart)
    y = chart.y + chart.height * data.bar / 100
    drawing.add(
        Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.HexColor("#b03a2e"), strokeDashArray=[3, 2])
    )
    drawing.add(String(chart.x + chart.width - 2, y + 2, f"mức {data.bar:.0f}%", fontName=SERIF, fontSize=7,
                       textAnchor="end", fillColor=colors.HexColor("#b03a2e")))  # fmt: skip
    return drawing


def mix_chart(data: ChartsData) -> Drawing:
    rows = [*data.mix, *((name or Catalog("vi").translate("Charts", NO_HAMLET), n) for name, n in data.by_hamlet)]
    height = max(HEIGHT, 11 * len(rows) + 20)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 95, 10, WIDTH - 120, height - 20
    chart.data = [[count for _label, count in reversed(rows)]]
    chart.categoryAxis.categoryNames = [label for label, _count in reversed(rows)]
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#1e8449")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = SERIF, 7, 8
    _axis_fonts(chart)
    drawing.add(chart)
    return drawing


def balance_chart(data: ChartsData) -> Drawing:
    drawing = Drawing(WIDTH, HEIGHT + 14)
    if not data.balances:
        drawing.add(
            String(WIDTH / 2, HEIGHT / 2, "Chi bộ chưa có quỹ.", fontName=SERIF, fontSize=10, textAnchor="middle")
        )
        return drawing
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 34, WIDTH - 50, HEIGHT - 24
    chart.data = [[value / 1_000_000 for value in values] for _name, values in data.balances]
    chart.categoryAxis.categoryNames = list(MONTHS[: max(len(v) for _n, v in data.balances)])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: number(round(v))
    for index in range(len(data.balances)):
        chart.lines[index].strokeColor = LINE_COLOURS[index % len(LINE_COLOURS)]
        chart.lines[index].strokeWidth = 1.5
    _axis_fonts(chart)
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, 8
    legend.fontName, legend.fontSize = SERIF, 8
    legend.alignment, legend.columnMaximum, legend.dx, legend.dy = "right", 1, 8, 6
    legend.colorNamePairs = [(LINE_COLOURS[i % len(LINE_COLOURS)], name) for i, (name, _v) in enumerate(data.balances)]
    drawing.add(legend)
    return drawing


def charts_pdf(data: ChartsData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    s = styles(style)
    width = frame_width(style)

    def block(title: str, note: str, drawing: Drawing) -> KeepTogether:
        return KeepTogether(
            [
                Paragraph(f"<b>{esc(title)}</b>", s["body"]),
                Paragraph(esc(note), s["subtitle"]),
                drawing,
                Spacer(1, 4 * mm),
            ]
        )

    story = [
        header_block(data.header, style, width),
        Paragraph(f"BIỂU ĐỒ TÌNH HÌNH CHI BỘ NĂM {data.year}", s["title"]),
        Spacer(1, 4 * mm),
        block(
            "1. Tỷ lệ đảng viên dự sinh hoạt theo tháng (%)",
            f"(số có mặt ÷ số phải dự; tháng không họp để trống; đường đứt: mức {data.bar:.0f}%)",
            attendance_chart(data),
        ),
        block("2. Cơ cấu đảng viên", "(tính đến cuối năm hoặc hôm nay; theo tổ đảng ở dưới)", mix_chart(data)),
        block("3. Số dư các quỹ cuối mỗi tháng (triệu đồng)", "(tiền mặt tồn quỹ theo sổ quỹ)", balance_chart(data)),
    ]
    return build_pdf(out, story, style, f"Biểu đồ năm {data.year}", data.header.branch_name)
