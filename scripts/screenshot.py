"""Regenerate the README's picture (docs/report.png) from the current seed report.

usage: python scripts/screenshot.py [--width 1280] [--height 1700]

Renders the seed report into a temporary folder, opens it in headless Chromium (Debian's
chromium) and keeps the top of the page: title, key findings and the first section.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser import Browser, find_chromium  # noqa: E402  (the tests' browser driver)


def main() -> int:
    """Render the seed report and write the top of it to docs/report.png."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1700)
    arguments = parser.parse_args()
    executable = find_chromium()
    if executable is None:
        sys.exit("Chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "analysis", "report", "--reports-dir", folder,
                        "--date", "2024-01-31", "--force"], check=True, cwd=REPO)
        (html,) = Path(folder).glob("2024-01-31-*/report.html")
        browser = Browser(executable)
        try:
            browser.open(html, width=arguments.width, height=arguments.height)
            shot = browser.screenshot(Path(folder) / "page.png")
        finally:
            browser.close()
        page = Image.open(io.BytesIO(shot.read_bytes()))
        top = page.crop((0, 0, page.width, min(page.height, arguments.height)))
        target = REPO / "docs" / "report.png"
        top.save(target, optimize=True)
    print(f"wrote {target} ({top.width} x {top.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
