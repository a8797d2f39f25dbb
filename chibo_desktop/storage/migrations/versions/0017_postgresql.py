"""PostgreSQL (a province's committee on a server): where the app version that last opened the database is kept,
Vietnamese order for names in the server's own queries, and toneless matching there. Nothing on SQLite (the
file header keeps the version; the app sorts and matches in Python on both, see domain/text.py).

Revision ID: postgresql
Revises: dues_book
Create Date: 2026-11-30 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "postgresql"
down_revision = "public_holidays"
branch_labels = None
depends_on = None

NAMES = (("member", "full_name", 120), ("org_unit", "name", 200), ("hamlet", "name", 100))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.create_table("app_written_by", sa.Column("number", sa.Integer(), nullable=False))
    icu = bind.exec_driver_sql("SELECT count(*) FROM pg_collation WHERE collprovider = 'i'").scalar_one()
    if icu:  # Debian's PostgreSQL is built with ICU; a server without it sorts by its own locale
        op.execute("""CREATE COLLATION IF NOT EXISTS "vi-VN" (provider = icu, locale = 'vi-VN')""")
        for table, column, length in NAMES:
            op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "vi-VN"')
    available = bind.exec_driver_sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'")
    if available.scalar_one():  # a trusted extension: the database's owner may create it
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table, column, length in NAMES:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "default"')
    op.drop_table("app_written_by")
