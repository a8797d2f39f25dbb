"""Writing a file so that it is either all there or not there at all."""

import os
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Have *write* fill a temporary file beside *target*, flush it to disk, then rename it over *target*.

    A failure, a crash or a pulled stick leaves the old *target* (or none) and no half-written one; the temporary
    file is removed when *write* fails.
    """
    temporary = target.with_name(target.name + ".part")
    try:
        write(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
