"""The roster screen: search as you type (tones and case ignored), filters, the table and the counts panel."""

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import Period, add_months, parse_period, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import STATUS_LABELS, Gender, Status
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.roster import RosterCounts, RosterRow
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.roster_data import Roster, RosterOverview
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.numbers import number
from chibo_desktop.ui.roster_model import ALL, CURRENT, ID_ROLE, LazyRoster, RosterFilter, RosterModel
from chibo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the window paints its first screen before the services are loaded
    from chibo_desktop.services.members import MemberService

log = logging.getLogger("chibo_desktop.roster")


class RowSource(Protocol):
    """Where a large roster's rows, searches and orders are read: ``MemberService``, or at start
    ``services.first_screen.PlainRoster``."""

    def rows(self, ids: list[int], on: date) -> list[RosterRow]: ...

    def ids_matching(self, text: str) -> set[int]: ...

    def ids_ordered_by(self, column: str) -> list[int]: ...


WIDEST = {"Hamlet / cell": 120, "Ethnicity": 100, "Branch": 200}  # a longer name is cut (read whole in its tooltip)


class CountsPanel(QGroupBox):
    """The figures published branch reports give, for the roster as loaded."""

    period_changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Figures"))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("total", self.tr("Members")),
            ("official", self.tr("Official")),
            ("probationary", self.tr("Probationary")),
            ("women", self.tr("Women")),
            ("ethnic_minority", self.tr("Ethnic minority")),
            ("exempted", self.tr("Exempted")),
            ("away", self.tr("Temporarily away")),
            ("attached", self.tr("Temporarily attached (not counted)")),
        )
        for row, (key, text) in enumerate(rows):
            label = QLabel(text)
            label.setWordWrap(True)
            value = QLabel("–")
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        self.note = QLabel()  # what the list's records are, and which of them the figures do not count
        self.note.setObjectName("count_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #444;")
        self.note.hide()
        layout.addWidget(self.note)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Admitted in")))
        self.period = QComboBox()
        self._term_names: dict[str, str] = {}  # a term's range of days → its name
        for text, period in self._periods(today):
            self.period.addItem(text, period.label)
        self.period.currentIndexChanged.connect(self.period_changed)
        admitted = QLabel("–")
        admitted.setObjectName("count_admitted_in_period")
        admitted.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        admitted.setStyleSheet("font-weight: bold;")
        self.values["admitted_in_period"] = admitted
        line = QHBoxLayout()
        line.addWidget(self.period, 1)
        line.addWidget(admitted)
        layout.addLayout(line)
        layout.addSpacing(8)
        self.by_hamlet = QLabel()
        self.by_hamlet.setWordWrap(True)
        self.by_hamlet_title = QLabel(self.tr("By hamlet / cell"))
        self.by_branch = False  # at a committee the split is by branch
        layout.addWidget(self.by_hamlet_title)
        layout.addWidget(self.by_hamlet)
        self.counting = QLabel(self.tr("Counting the members…"))  # a large roster's figures come after its rows
        self.counting.setObjectName("counting")
        self.counting.setWordWrap(True)
        self.counting.hide()
        layout.addWidget(self.counting)
        self.failed = QLabel()  # a large roster's count that failed: why, and what to do
        self.failed.setObjectName("count_failed")
        self.failed.setWordWrap(True)
        self.failed.setStyleSheet("color: #9c1c1c;")
        self.failed.hide()
        layout.addWidget(self.failed)
        self.count_again = QPushButton(self.tr("Count again"))
        self.count_again.hide()
        layout.addWidget(self.count_again, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _periods(self, today: date) -> list[tuple[str, Period]]:
        quarter = (today.month - 1) // 3 + 1
        last_month = add_months(today, -1)
        return [
            (self.tr("this year ({year})").format(year=today.year), parse_period(str(today.year))),
            (self.tr("last year ({year})").format(year=today.year - 1), parse_period(str(today.year - 1))),
            (
                self.tr("this quarter (Q{q}/{year})").format(q=quarter, year=today.year),
                parse_period(f"{today.year}-Q{quarter}"),
            ),
            (
                self.tr("this month ({month:02d}/{year})").format(month=today.month, year=today.year),
                parse_period(f"{today.year}-{today.month:02d}"),
            ),
            (
                self.tr("last month ({month:02d}/{year})").format(month=last_month.month, year=last_month.year),
                parse_period(f"{last_month.year}-{last_month.month:02d}"),
            ),
        ]

    def set_terms(self, terms: list[Period]) -> None:
        """The branch's terms as further choices after the fixed ones (newest first), the choice kept when it is
        still there. Their data is the range of days; the term's name is its label."""
        chosen = self.period.currentData()
        fixed = 5
        self.period.blockSignals(True)
        while self.period.count() > fixed:
            self.period.removeItem(fixed)
        self._term_names.clear()
        for term in terms:
            key = f"{term.start.isoformat()}..{term.end.isoformat()}"
            self._term_names[key] = term.label
            self.period.addItem(term.label, key)
        index = self.period.findData(chosen)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        if index < 0:
            self.period_changed.emit()

    def selected_period(self) -> Period:
        key = self.period.currentData()
        period = parse_period(key)
        name = self._term_names.get(key)
        return Period(period.start, period.end, name) if name else period

    def show_counting(self) -> None:
        """No figures until they are counted: a dash in each, and a line saying they are being counted."""
        for label in self.values.values():
            label.setText("–")
        self.by_hamlet.setText("")
        self.note.hide()
        self.failed.hide()
        self.count_again.hide()
        self.counting.show()

    def show_failed(self, reason: str) -> None:
        """The figures could not be counted: a dash in each, *reason*, what the user can still do and what to do
        about it, and a button to count again."""
        for label in self.values.values():
            label.setText("–")
        self.by_hamlet.setText("")
        self.note.hide()
        self.counting.hide()
        self.failed.setText(
            self.tr(
                "The figures could not be counted: {reason}. The list of members can still be searched, opened and "
                "edited. Click “Count again”; if it fails again, close the app and open it again, and if it still "
                "fails, give the log file to whoever looks after this computer."
            ).format(reason=reason)
        )
        self.failed.show()
        self.count_again.show()

    def show_counts(self, counts: RosterCounts) -> None:
        self.counting.hide()
        self.failed.hide()
        self.count_again.hide()
        for key, label in self.values.items():
            label.setText(number(getattr(counts, key)))
        records = counts.total + counts.attached + counts.former
        self.note.setText(
            self.tr(
                "The list holds {records} record(s): {members} counted as members of the branch; {attached} "
                "temporarily attached here and {former} no longer in the branch (transferred out, deceased, left "
                "the Party) are not counted.",
                "",
                records,
            ).format(
                records=number(records),
                members=number(counts.total),
                attached=number(counts.attached),
                former=number(counts.former),
            )
        )
        self.note.setVisible(records != counts.total)  # said when the list and the figures differ
        none = self.tr("(none)")
        split = counts.by_branch if self.by_branch else counts.by_hamlet
        self.by_hamlet_title.setText(self.tr("By branch") if self.by_branch else self.tr("By hamlet / cell"))
        self.by_hamlet.setText("<br>".join(f"{name or none}: <b>{number(count)}</b>" for name, count in split))


class RosterWidget(QWidget):
    """The roster today with its counts, loaded in the background (with the reminders of *badge_year()*, which
    follow it: ``overview_loaded``); asks for a member to be opened with ``open_member(id)``.

    A large roster shows its rows first (``rows_shown``): they can be scrolled, searched and opened while its
    members' states, the counts and the reminders are worked out in the background; until then the status filter
    waits, the order by status waits (a line above the list says so; the rows are sorted once the states arrive),
    the rows include former members (each row shows its own state) and the counts panel says it is counting. If
    the count fails, the panel says so and offers to count again (``counting_failed``). It reloads itself after a change to the members, the branch's setup or the rules, and on nothing
    else."""

    load_started = Signal()
    rows_shown = Signal()
    counting_failed = Signal()
    overview_loaded = Signal(object)  # RosterOverview
    REFRESHED_BY = frozenset({Topic.MEMBERS, Topic.ORGANISATION, Topic.RULES})

    def __init__(
        self,
        open_member: Callable[[int], None],
        today: date,
        members: "MemberService | Callable[[], MemberService]",
        tasks: TaskRunner,
        failed: Callable[[BaseException], None],
        badge_year: Callable[[], int],
        parent: QWidget | None = None,
        terms: Callable[[], list[Period]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._terms = terms
        self._open_member = open_member
        self._members = members if callable(members) else lambda: members  # loaded when first asked for
        self._tasks = tasks
        self._failed = failed
        self._badge_year = badge_year
        self.roster: Roster | None = None
        self._first: RosterOverview | Roster | None = None  # shown by show_first, its signals not yet sent
        self._chosen_next: int | None = None  # a member just saved, chosen when the roster comes back
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        layout.addLayout(left, 1)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, hamlet, card or ID (no tone marks needed)"))
        bar.addWidget(self.search, 3)
        self.status = QComboBox()
        self.status.addItem(self.tr("In the branch now"), CURRENT)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(translate("Status", label), str(status))
        self.status.addItem(self.tr("Everyone ever listed"), ALL)
        self.hamlet = QComboBox()
        self.branch = QComboBox()  # at a committee, in place of the hamlets
        self.branch.setObjectName("branch_filter")
        self.branch.hide()
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Both genders"), "")
        self.gender.addItem(translate("Member", "Male"), str(Gender.MALE))
        self.gender.addItem(translate("Member", "Female"), str(Gender.FEMALE))
        self.ethnicity = QComboBox()
        for combo in (self.status, self.branch, self.hamlet, self.gender, self.ethnicity):
            # as wide as the longest choice, even when the choices arrive after the window is shown; the search
            # box takes the rest
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply_filter)
        left.addLayout(bar)

        self.model = RosterModel(self)
        self.table = QTableView()
        self.table.setObjectName("roster_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self._sampled: dict[str, tuple[str, ...]] | None = None  # what the columns' widths were last measured for
        self._set_widths()
        self.table.doubleClicked.connect(self._double_clicked)
        self.sort_note = QLabel()  # why a click on "Status" leaves the rows in name order for now
        self.sort_note.setObjectName("sort_note")
        self.sort_note.setWordWrap(True)
        self.sort_note.setStyleSheet("background: #fff4c2; padding: 4px;")
        self.sort_note.hide()
        left.addWidget(self.sort_note)
        self.model.layoutChanged.connect(self._show_sort_note)
        self.model.modelReset.connect(self._show_sort_note)
        left.addWidget(self.table)
        self.shown = QLabel()
        self.shown.setObjectName("shown")
        left.addWidget(self.shown)

        self.counts = CountsPanel(today)
        self.counts.setFixedWidth(330)
        self.counts.period_changed.connect(self._recount)
        self.counts.count_again.clicked.connect(self._count_again)
        self._count_failed = False  # the large roster's count on the screen failed
        layout.addWidget(self.counts)
        if terms is not None:
            self.counts.set_terms(terms())

        # The filter runs after a short pause in typing, so fast typists are not slowed by 100,000 rows.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(120)
        self._typing.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._apply_filter)

    def on_change(self, change: Change) -> None:
        if Topic.TERMS in change.topics and self._terms is not None:
            self.counts.set_terms(self._terms())  # recounts only if the term chosen went away
        if change.topics & self.REFRESHED_BY:
            self.refresh()

    def refresh(self) -> None:
        """Reload the roster, its counts and the reminders in the background; the tab stays usable meanwhile."""
        period, year, members = self.counts.selected_period(), self._badge_year(), self._members()
        self.load_started.emit()
        self._tasks.run(
            "roster", lambda: members.first_overview(period, year), self._first_loaded, self._failed, owner=self
        )

    def _first_loaded(self, first: RosterOverview | Roster) -> None:
        if isinstance(first, RosterOverview):
            self._loaded(first)
            return
        # A large roster: its rows now (unless a counted roster is already on the screen: it stays until the new
        # one is counted, rather than its rows jumping twice), its counts and reminders after.
        if self.counted:
            self.counts.show_counting()
        else:
            self._count_failed = False
            self.show_roster(first, None)
            self.rows_shown.emit()
        self._count(first)

    def _count(self, roster: Roster) -> None:
        period, year, members = self.counts.selected_period(), self._badge_year(), self._members()
        self._tasks.run(
            "roster",
            lambda: members.counted_overview(roster, period, year),
            self._loaded,
            self._counting_failed,
            owner=self,
        )

    def _counting_failed(self, error: BaseException) -> None:
        """The large roster's states, counts and reminders could not be worked out: its rows stay usable, the panel
        says why and what to do, and the user may count again."""
        if isinstance(error, UserError):
            reason = render(error.message).rstrip(".")
        else:
            log.error("Counting the roster failed", exc_info=error)
            reason = self.tr("the app met an error it did not expect (the details are in its log file)")
        self._count_failed = True
        self.counts.show_failed(reason)
        self._apply_filter()
        self._show_sort_note()
        self.counting_failed.emit()

    def _count_again(self) -> None:
        roster = self.roster
        if roster is None:
            return
        if self.counted:
            self.refresh()
            return
        self._count_failed = False
        self.counts.show_counting()
        self._show_sort_note()
        self.rows_shown.emit()  # the rows are on the screen; their counts follow
        self._count(roster)

    def _show_sort_note(self) -> None:
        """While a large roster's states are worked out, a click on "Status" cannot sort yet: say so."""
        if not self.model.sort_waits_for_states:
            self.sort_note.hide()
            return
        self.sort_note.setText(
            self.tr(
                "The list cannot be sorted by status: every member's state could not be worked out (see the message "
                "on the right)."
            )
            if self._count_failed
            else self.tr(
                "Sorting by status waits until every member's state is worked out: the list stays in name order "
                "meanwhile and is sorted by status as soon as the count is done."
            )
        )
        self.sort_note.show()

    def _loaded(self, overview: RosterOverview) -> None:
        recount = overview.period != self.counts.selected_period()  # another period chosen while counting
        self.show_roster(overview.roster, None if recount else overview.counts)
        self.rows_shown.emit()
        self.overview_loaded.emit(overview)
        if recount:
            self._recount()

    @property
    def counted(self) -> bool:
        """Whether the roster shown has every member's state (a large one has not until its counts arrive)."""
        roster = self.roster
        return roster is not None and (roster.index is None or roster.index.statuses is not None)

    def _recount(self) -> None:
        roster, period = self.roster, self.counts.selected_period()
        if roster is not None and self.counted:
            members = self._members()  # else the counts being made are checked against the period
            self.counts.show_counting()
            self._tasks.run("counts", lambda: members.counts(roster, period), self.counts.show_counts, self._failed)

    def _set_widths(self) -> None:
        """Each column as wide as its heading and the values it holds — every status, a date, a CCCD number, the
        branch's hamlets and ethnic groups — measured in the table's own font, so that another font (Windows') or a
        larger one still shows them whole; the name takes what is left. The roster then fits the window as it opens
        on a 1366×728 screen in either language, with no horizontal scroll bar and no status cut to "Probatio…".
        At a committee the branch column takes the hamlet's place (one branch's hamlets mean nothing beside
        another's, and the filter is the branch's there too). Set again when the hamlets, branches or ethnic groups
        change (a longer name widens its column, up to a limit), not at every reload: a column the user widened
        stays so."""
        samples = self._samples()
        if samples == self._sampled:
            return
        self._sampled = samples
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        style, table = self.table.style(), self.table
        cell = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 2  # and the grid
        edge = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)  # the sort order's arrow
        committee = "Branch" in self.model.column_names()
        for column, name in enumerate(self.model.column_names()):
            self.table.setColumnHidden(column, committee and name == "Hamlet / cell")  # the branch says where
            if name == "Full name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            values = [table.fontMetrics().horizontalAdvance(text) + cell for text in samples.get(name, ())]
            widest = min(max(values), WIDEST[name]) if values and name in WIDEST else max(values, default=0)
            # the heading whole with the arrow beside it, whichever column the rows are sorted by
            titled = header.fontMetrics().horizontalAdvance(heading) + 3 * edge + arrow
            self.table.setColumnWidth(column, max(titled, widest))

    def _samples(self) -> dict[str, tuple[str, ...]]:
        """Column → the texts its width must hold."""
        day = screen_date(date(2000, 12, 28))
        return {
            "Gender": (translate("Member", "Male"), translate("Member", "Female")),
            "Date of birth": (day,),
            "Admitted": (day,),
            "Hamlet / cell": tuple(self.hamlet.itemText(i) for i in range(1, self.hamlet.count())),
            "Ethnicity": tuple(self.ethnicity.itemText(i) for i in range(1, self.ethnicity.count())),
            "Party card": ("00000000",),
            "ID number (CCCD)": ("000000000000",),
            "Branch": tuple(self.branch.itemText(i) for i in range(1, self.branch.count())),
            # every status of a member in the branch; a former member's ("No longer in the branch"), listed only
            # when asked for, may be cut and is read whole in its tooltip
            "Status": tuple(translate("Status", label) for s, label in STATUS_LABELS.items() if s != Status.FORMER),
        }

    def set_organisation(self, organisation: Organisation) -> None:
        """At a committee the roster is its branches': a branch column and a branch filter instead of hamlets."""
        committee = organisation.is_committee
        self.counts.by_branch = committee
        if committee != self.branch.isVisibleTo(self):
            self.model.show_branch_column(committee)
            self._sampled = None
            self.branch.setVisible(committee)
            self.hamlet.setVisible(not committee)
        chosen = self.branch.currentData()
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem(self.tr("All branches"), None)
        for unit in organisation.branches:
            self.branch.addItem(unit.name, unit.id)
        self.branch.setCurrentIndex(max(0, self.branch.findData(chosen)))
        self.branch.blockSignals(False)
        current = self.hamlet.currentData()
        self.hamlet.blockSignals(True)
        self.hamlet.clear()
        self.hamlet.addItem(self.tr("All hamlets"), None)
        for h in organisation.hamlets:
            self.hamlet.addItem(h.name, h.id)
        self.hamlet.setCurrentIndex(max(0, self.hamlet.findData(current)))
        self.hamlet.blockSignals(False)
        self._set_widths()  # the hamlets' names, or at a committee the branches' (in place of the hamlet column)

    def show_first(self, first: RosterOverview | Roster, source: RowSource) -> None:
        """Show the window's first screen, read before the services were loaded (``services/first_screen.py``): a
        large roster's rows are read from *source* until it is counted. The signals follow at
        :meth:`first_painted`."""
        self._first = first
        if isinstance(first, RosterOverview):
            same = first.period == self.counts.selected_period()
            self.show_roster(first.roster, first.counts if same else None)
        else:
            self._count_failed = False
            self.show_roster(first, None, source)

    def first_painted(self) -> None:
        """The first screen is on the screen: say so as a load would (``rows_shown``, then ``overview_loaded``, or
        a large roster's count started, which loads the services)."""
        first, self._first = self._first, None
        if first is None:
            return
        self.rows_shown.emit()
        if not isinstance(first, RosterOverview):
            self._count(first)
            return
        self.overview_loaded.emit(first)
        if first.period != self.counts.selected_period():  # another period was chosen meanwhile
            self._recount()

    def show_roster(self, roster: Roster, counts: RosterCounts | None, source: RowSource | None = None) -> None:
        """Show *roster*, and *counts* (``None``: they are being counted); a large roster's rows are read from
        *source* (the roster service when not given)."""
        self.roster = roster
        selected, self._chosen_next = self._chosen_next or self.selected_member(), None
        top = self.table.indexAt(QPoint(0, 0))
        top_member = self.model.member_id(top.row()) if top.isValid() else None
        if roster.index is not None:
            reader: RowSource = source if source is not None else self._members()
            on = roster.on
            self.model.set_lazy(
                LazyRoster(
                    roster.index, lambda ids: reader.rows(list(ids), on), reader.ids_matching, reader.ids_ordered_by
                )
            )
        else:
            self.model.set_rows(roster.rows, in_name_order=True)
        current = self.ethnicity.currentData()
        self.ethnicity.blockSignals(True)
        self.ethnicity.clear()
        self.ethnicity.addItem(self.tr("All ethnic groups"), "")
        for name in roster.ethnicities:
            self.ethnicity.addItem(name, name)
        self.ethnicity.setCurrentIndex(max(0, self.ethnicity.findData(current)))
        self.ethnicity.blockSignals(False)
        self._set_widths()
        counted = self.counted
        self.status.setEnabled(counted)
        self.status.setToolTip("" if counted else self.tr("Available once every member's state is worked out"))
        self._apply_filter()
        if selected is not None:
            self.select_member(selected)
        elif top_member is not None:  # the rows the user was reading stay in view
            row = self.model.row_of(top_member)
            if row is not None:
                self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if counts is None:
            self.counts.show_counting()
        else:
            self.counts.show_counts(counts)

    def _apply_filter(self) -> None:
        self._typing.stop()
        self.model.set_filter(
            RosterFilter(
                text=self.search.text(),
                status=self.status.currentData() or CURRENT,
                hamlet_id=self.hamlet.currentData(),
                gender=self.gender.currentData() or "",
                ethnicity=self.ethnicity.currentData() or "",
                unit_id=self.branch.currentData() if self.branch.isVisibleTo(self) else None,
            )
        )
        total = self.roster.size if self.roster else 0
        text = (
            self.tr("Showing {shown} of {total} record(s)", "", total)
            if self.counted or self.roster is None
            else self.tr(
                "Showing {shown} of {total} record(s), former members among them: their states could not be worked out",
                "",
                total,
            )
            if self._count_failed
            else self.tr(
                "Showing {shown} of {total} record(s), former members among them until every member's state is "
                "worked out…",
                "",
                total,
            )
        )
        self.shown.setText(text.format(shown=number(self.model.rowCount()), total=number(total)))

    def _double_clicked(self, index: QModelIndex) -> None:
        self._open_member(int(self.model.data(index, ID_ROLE)))

    def selected_member(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_id(rows[0].row()) if rows else None

    def choose(self, member_id: int) -> None:
        """Choose the member just saved (and scroll to the row): at once when listed, else once the roster, reloading
        after the save, comes back with the member in it (a new member)."""
        if self.model.row_of(member_id) is not None:
            self.select_member(member_id)
        else:
            self._chosen_next = member_id

    def select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))


__all__ = ["RosterWidget", "CountsPanel", "Status"]
