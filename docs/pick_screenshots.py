"""Copy the screenshots the guide links from a `kiosk screenshots` run into docs/images/<language>/.

    python docs/pick_screenshots.py RUN_DIR/1280x800 ja

The guide links images as `../images/<language>/<name>.png`; `<name>` is the screenshot's file name without its
running number (`03-counter-home.png` -> `counter-home`, `shop-06-pay-paid.png` -> `shop-pay-paid`), so a new
screen in the command does not rename the others. Only linked images are kept; each is compressed with pngquant and
optipng when they are installed. Exits 1 when a linked image is not in the run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SHOT = re.compile(r"^(?:(?P<role>shop|office|admin)-)?\d+-(?P<name>.+)\.png$")


def stable_name(file_name: str) -> str | None:
    match = SHOT.match(file_name)
    if match is None:
        return None
    role = match.group("role")
    return f"{role}-{match.group('name')}" if role else match.group("name")


def linked_images(language: str) -> set[str]:
    pattern = re.compile(rf"\.\./images/{language}/([A-Za-z0-9_.-]+)\.png")
    names: set[str] = set()
    for page in (DOCS / language).glob("*.md"):
        names.update(pattern.findall(page.read_text(encoding="utf-8")))
    return names


def compress(path: Path) -> None:
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--quality", "60-90", "--strip", "--force", "--output", str(path), str(path)],
                       check=False)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", str(path)], check=False)


def main(run_dir: Path, language: str) -> int:
    available = {stable_name(p.name): p for p in run_dir.glob("*.png")}
    wanted = linked_images(language)
    target = DOCS / "images" / language
    target.mkdir(parents=True, exist_ok=True)
    missing = sorted(name for name in wanted if name not in available)
    for name in sorted(wanted - set(missing)):
        out = target / f"{name}.png"
        shutil.copyfile(available[name], out)
        compress(out)
    for old in target.glob("*.png"):
        if old.stem not in wanted:
            old.unlink()
    total = sum(p.stat().st_size for p in target.glob("*.png"))
    print(f"{language}: {len(wanted) - len(missing)} images, {total / 1e6:.1f} MB in {target}")
    for name in missing:
        print(f"missing in the run: {name}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
