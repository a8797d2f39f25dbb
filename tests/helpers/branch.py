"""The branch every test database is set up as (the ``services`` fixture saves it). Its dues book is kept in the
app from 02/2026 (the first month of Quy định 01-QĐ/TW), as in every database set up before a new branch's book
started at the month of its setup: the dues tests record the months from February on."""

from datetime import date

from chibo_desktop.domain.organisation import OrganisationSetup

SETUP = OrganisationSetup(
    branch_name="Chi bộ ấp Sáu",
    upper_name="Đảng bộ xã Tân Hùng",
    place_name="Tân Hùng",
    hamlet_names=("Tổ 1", "Tổ 2", "Tổ 3"),
    dues_from=date(2026, 2, 1),
)
