"""What the charts show: attendance per month, the membership mix, the funds' balance month by month."""

from dataclasses import dataclass

from chibo_desktop.domain.documents import DocumentHeader

MONTHS = tuple(f"T{m}" for m in range(1, 13))


@dataclass(frozen=True)
class ChartsData:
    header: DocumentHeader
    year: int
    attendance: tuple[float | None, ...]  # present ÷ required per month, in %; None: no meeting that month
    bar: float  # the attendance bar (the rule, in %), drawn across the attendance chart
    mix: tuple[tuple[str, int], ...]  # official, probationary, women, ethnic minority, … on the year's last day
    by_hamlet: tuple[tuple[str, int], ...]
    balances: tuple[tuple[str, tuple[int, ...]], ...]  # per fund: its cash at each month's end, whole đồng
