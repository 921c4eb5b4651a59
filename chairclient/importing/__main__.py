"""``python -m chairclient.importing …`` — the same as ``python -m chairclient import-members``."""

import sys

from chairclient.importing.command import main

sys.exit(main(sys.argv[1:]))
