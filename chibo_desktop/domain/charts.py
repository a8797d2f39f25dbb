"""What the charts show: attendance per month, the membership mix, the funds' balance month by month."""

from dataclasses import dataclass

from chibo_desktop.domain.documents import DocumentHeader
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP

MONTHS = tuple(f"T{m}" for m in range(1, 13))
MIX_LABELS = (  # the membership mix, in the order of ChartsData.mix; translated on screen, Vietnamese when printed
    QT_TRANSLATE_NOOP("Charts", "Official"),
    QT_TRANSLATE_NOOP("Charts", "Probationary"),
    QT_TRANSLATE_NOOP("Charts", "Women"),
    QT_TRANSLATE_NOOP("Charts", "Ethnic minority"),
    QT_TRANSLATE_NOOP("Charts", "Exempted"),
    QT_TRANSLATE_NOOP("Charts", "Admitted this year"),
)
NO_HAMLET = QT_TRANSLATE_NOOP("Charts", "No hamlet / cell recorded")  # the bar of members whose hamlet is not set


@dataclass(frozen=True)
class ChartsData:
    header: DocumentHeader
    year: int
    attendance: tuple[float | None, ...]  # present ÷ required per month, in %; None: no meeting that month
    bar: float  # the attendance bar (the rule, in %), drawn across the attendance chart
    mix: tuple[tuple[str, int], ...]  # MIX_LABELS in Vietnamese with their counts on the year's last day
    # "" for the members without a hamlet: NO_HAMLET names them; at a committee, its branches instead of hamlets
    by_hamlet: tuple[tuple[str, int], ...]
    balances: tuple[tuple[str, tuple[int, ...]], ...]  # per fund: its cash at each month's end, whole đồng
