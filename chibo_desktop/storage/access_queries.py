"""The app's password row (see services/access.py)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from chibo_desktop.storage import models as m


def get_lock(session: Session) -> m.AppLockRow:
    row = session.scalars(select(m.AppLockRow).where(m.AppLockRow.id == 1)).first()
    if row is None:  # the migration writes it; a file edited by hand may not have it
        row = m.AppLockRow(id=1, idle_minutes=10)
        session.add(row)
    return row


def key_rows(session: Session) -> list[m.KeyRow]:
    """This database's own key pairs, to seal or open their private halves when the password is set or removed."""
    return list(session.scalars(select(m.KeyRow)))
