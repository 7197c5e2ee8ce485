"""Screenpop for SuperOffice: the caller's contact summary the moment the phone rings."""

import sys

__version__ = "0.1.0"

# Workaround for encode/httpx#3547: `import httpx` imports its own command line, and with it
# click, rich and pygments wherever they are installed (about 50 ms and 6 MB here); nothing
# here runs that command line, so httpx falls back to its stub for it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
