import sys

from screenpop.cli import main

sys.exit(main())
