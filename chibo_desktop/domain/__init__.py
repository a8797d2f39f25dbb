"""Plain-Python domain: dataclasses, rules and calculations. No Qt, no SQLAlchemy, no I/O.

The glossary that maps our English identifiers to the Vietnamese words users see lives in
:mod:`chibo_desktop.domain.glossary`.
"""
