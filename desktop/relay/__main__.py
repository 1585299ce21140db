"""``python -m desktop.relay``: the same as ``ramal-relay``."""

import sys

from desktop.relay.cli import main

sys.exit(main())
