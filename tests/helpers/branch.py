"""The branch every test database is set up as (the ``services`` fixture saves it)."""

from chibo_desktop.domain.organisation import OrganisationSetup

SETUP = OrganisationSetup(
    branch_name="Chi bộ ấp Sáu",
    upper_name="Đảng bộ xã Tân Hùng",
    place_name="Tân Hùng",
    hamlet_names=("Tổ 1", "Tổ 2", "Tổ 3"),
)
