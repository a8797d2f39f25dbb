"""The one fixed day of the suite: every test that needs "today" reads it from here, through ``CLOCK``."""

from datetime import date

from chibo_desktop.domain.clock import Clock

TODAY = date(2026, 11, 22)
CLOCK = Clock.fixed(TODAY)
