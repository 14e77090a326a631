"""Thin entry point: `python cli.py ...` works from a checkout; installed, it is `termbase`."""

import sys

from termbase.cli import main

if __name__ == "__main__":
    sys.exit(main())
