"""Plays the system browser for sign-in tests: follows the sign-in address to its end.

Set as ``BROWSER="python /path/follow_browser.py %s"``; Python's webbrowser runs it.
"""

import sys

import httpx

httpx.get(sys.argv[1], follow_redirects=True, timeout=30).raise_for_status()
