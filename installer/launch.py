"""The frozen app's entry point (both executables of the bundle run this)."""

import multiprocessing
import sys

from chairclient.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
