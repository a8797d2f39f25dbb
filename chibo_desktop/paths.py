"""Where the app keeps its files on this computer (platformdirs), unless ``--db`` says otherwise."""

from dataclasses import dataclass
from pathlib import Path

APP_NAME = "chibo-desktop"


def backups_beside(database: Path) -> Path:
    """Where the backups of the database file *database* go: a folder beside it."""
    return database.parent / "backups"


@dataclass(frozen=True)
class Paths:
    database: Path
    backups: Path
    logs: Path
    config: Path

    @staticmethod
    def default(database: Path | None = None) -> "Paths":
        from platformdirs import PlatformDirs  # loaded when a command needs the user's folders (a few ms)

        dirs = PlatformDirs(APP_NAME, appauthor=False)
        data = Path(dirs.user_data_dir)
        db = database.resolve() if database else data / "chibo.sqlite"
        return Paths(
            database=db,
            backups=backups_beside(db),
            logs=Path(dirs.user_log_dir),
            config=Path(dirs.user_config_dir),
        )

    @property
    def settings(self) -> Path:
        """The window's settings (its language, the folders the file pickers remember …): Qt's INI format."""
        return self.config / "settings.ini"

    @property
    def demo_database(self) -> Path:
        return self.database.parent / "demo.sqlite"
