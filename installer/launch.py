"""The frozen app's entry point: the same ``chibo`` command as ``pip install`` gives."""

import sys

from chibo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
