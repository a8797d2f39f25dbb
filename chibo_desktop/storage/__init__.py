"""Storage: the SQLite file, its mapped classes, queries, migrations and backups.

Only this package imports SQLAlchemy and Alembic. Services receive sessions from :class:`Database` and call
the query functions here; they get plain domain dataclasses back.
"""
