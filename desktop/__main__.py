"""``python -m desktop`` is the same as the ``ramal-desktop`` command."""

from desktop.cli import main

raise SystemExit(main())
