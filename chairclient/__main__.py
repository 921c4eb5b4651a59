import sys

from chairclient.cli import main

sys.exit(main())
