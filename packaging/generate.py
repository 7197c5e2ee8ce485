"""Build-time inputs that are generated, never committed (DESIGN §7): icons and translations.

    python packaging/generate.py [--out build/generated]

- ``<out>/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` (and ``scalable/``) for Linux desktops,
- ``<out>/icons/screenpop.ico`` (Windows executable and installer) and ``screenpop.icns``
  (macOS bundle), drawn from ``resources/icons/screenpop.svg`` with Qt's own SVG renderer, so
  the build needs nothing beyond the venv,
- ``resources/translations/*.qm`` compiled from the ``*.ts`` beside them with Qt's lrelease
  (the app and the frozen build load them from there).
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from screenpop.integration.identity import APP_ID  # noqa: E402

APP_SVG = ROOT / "resources" / "icons" / "screenpop.svg"
TRANSLATIONS = ROOT / "resources" / "translations"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types share sizes with 1x ones).
ICNS_TYPES = (
    (b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"icp6", 64),
    (b"ic07", 128), (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512),
    (b"ic10", 1024),
)  # fmt: skip


def render_pngs(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """The SVG drawn at each size, as PNG bytes."""
    # Only this build step uses Qt, so the import stays here (and the offscreen platform:
    # a build machine or CI runner has no display).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: TID251
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"generate: {svg} is not an SVG Qt can draw")
    pngs: dict[int, bytes] = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes; str works
            raise SystemExit(f"generate: cannot encode a {size} px PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (read by Windows since Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (big-endian type/length elements)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path, svg: Path = APP_SVG) -> dict[str, Path]:
    """Write the hicolor tree, the .ico and the .icns under ``out``; return where."""
    sizes = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = render_pngs(svg, sizes)
    hicolor = out / "hicolor"
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    ico = out / "screenpop.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out / "screenpop.icns"
    icns.write_bytes(icns_bytes(pngs))
    return {"hicolor": hicolor, "ico": ico, "icns": icns}


def _lrelease() -> Path:
    import PySide6  # noqa: TID251  (only to find the lrelease that ships with it)

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / "lrelease.exe", folder / "lrelease", folder / "Qt/libexec/lrelease"):
        if candidate.is_file():
            return candidate
    raise SystemExit("generate: Qt's lrelease is missing from this PySide6 installation")


def compile_translations(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every ``*.ts`` in ``folder`` into the ``*.qm`` beside it."""
    sources = sorted(folder.glob("*.ts")) if folder.is_dir() else []
    compiled = []
    for source in sources:
        target = source.with_suffix(".qm")
        subprocess.run(
            [str(_lrelease()), "-silent", str(source), "-qm", str(target)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        compiled.append(target)
    return compiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "generated")
    args = parser.parse_args(argv)
    icons = make_icons(args.out / "icons")
    qms = compile_translations()
    print(f"icons in {icons['hicolor'].parent}; {len(qms)} translation(s) compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
