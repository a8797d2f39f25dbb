"""Alembic environment: migrations run on the connection the app hands over (never from a URL in an ini)."""

from alembic import context

from chibo_desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through chibo_desktop.storage.db.open_database")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
