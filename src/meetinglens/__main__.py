"""``python -m meetinglens``: the same as the ``meetinglens`` command."""

import sys

from meetinglens.cli import main

sys.exit(main())
