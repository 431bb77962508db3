"""The one-folder app's entry point (PyInstaller runs this script; see workbench.spec)."""

import sys

from workbench.launch import frozen_main

if __name__ == "__main__":
    sys.exit(frozen_main())
