"""Entry script of the frozen app: the same as the ``ramal-desktop`` console script."""

from desktop.cli import main

raise SystemExit(main())
