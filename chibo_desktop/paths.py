"""Where the app keeps its files on this computer (platformdirs), unless ``--db`` says otherwise."""

from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "chibo-desktop"


@dataclass(frozen=True)
class Paths:
    database: Path
    backups: Path
    logs: Path
    config: Path

    @staticmethod
    def default(database: Path | None = None) -> "Paths":
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        data = Path(dirs.user_data_dir)
        db = database.resolve() if database else data / "chibo.sqlite"
        return Paths(
            database=db,
            backups=db.parent / "backups",
            logs=Path(dirs.user_log_dir),
            config=Path(dirs.user_config_dir),
        )

    @property
    def demo_database(self) -> Path:
        return self.database.parent / "demo.sqlite"
