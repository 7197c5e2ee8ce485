"""Desktop integration: how the OS knows the app (names, link schemes, start at login).

No Qt here: the installers' consistency tests and the command line import it too.
"""
