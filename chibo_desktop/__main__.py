import sys

from chibo_desktop.cli import main

sys.exit(main())
