# Run-time hook of the frozen app, in place of PyInstaller's pyi_rth_pyside6.
#
# That hook imports PySide6.QtCore in every start of the program, to embed a qt.conf: 150 ms
# (Qt's libraries loaded) for each `screenpop call` a softphone runs, which needs no Qt at
# all. This one sets the same paths and nothing more; the app embeds the qt.conf itself
# (`embed_qt_conf` in screenpop.app.startup) just before it builds its QApplication.
# ruff: noqa
import os
import sys


def _rthook() -> None:
    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils  # collected here; the app calls it later

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    if is_macos_app_bundle:
        resources = os.path.normpath(
            os.path.join(sys._MEIPASS, "..", "Resources", os.path.relpath(qt_path, sys._MEIPASS))
        )
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join(
            [os.path.join(resources, "qml"), os.path.join(qt_path, "qml")]
        )
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")


_rthook()
del _rthook
