import sys

from termbase.cli import main

sys.exit(main())
