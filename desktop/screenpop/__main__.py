import sys

from screenpop.cli.main import main

sys.exit(main())
