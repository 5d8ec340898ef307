"""Where the terminal's resources are: the theme, translations, sounds, the municipality code list and fonts.

One place answers for every way the terminal runs:
- `KIOSK_RESOURCES` (a directory) when set — a support override, used as it is;
- a PyInstaller bundle: `resources/` beside the bundled modules (`sys._MEIPASS`, the bundle's `_internal/`);
- the source tree (a checkout, an editable install): `resources/` at the project root.

No Qt here: the card layer (the code list) and the printing layer (fonts) use it as well as the UI.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

ENV = "KIOSK_RESOURCES"

# what a complete set of resources holds (relative paths); `missing()` checks them (kiosk self-test, packaging tests)
REQUIRED = (
    "theme/kiosk.qss",
    "translations/kiosk_ja.qm",
    "translations/kiosk_en.qm",
    "sounds/ok.wav",
    "sounds/error.wav",
    "municipalities/municipalities.csv",
)


def frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def candidates() -> list[Path]:
    """The directories looked at, in order."""
    found: list[Path] = []
    override = os.environ.get(ENV)
    if override:
        found.append(Path(override))
    if frozen():
        found.append(Path(sys._MEIPASS) / "resources")  # type: ignore[attr-defined]
    found.append(Path(__file__).resolve().parents[1] / "resources")  # the source tree: kiosk/../resources
    return found


@lru_cache(maxsize=1)
def root() -> Path:
    """The resources directory: the first candidate that holds the theme; else the first candidate (so an error
    names a path that says where it was looked for)."""
    options = candidates()
    if os.environ.get(ENV):
        return options[0]  # an explicit override is taken as it is (a broken one fails loudly, never falls back)
    for path in options:
        if (path / "theme" / "kiosk.qss").is_file():
            return path
    return options[0]


def path(*parts: str) -> Path:
    """A file or directory under the resources, e.g. `path("sounds", "ok.wav")`."""
    return root().joinpath(*parts)


def missing() -> list[str]:
    """The required resources that are not there (empty when the set is complete)."""
    return [name for name in REQUIRED if not (root() / name).is_file()]
