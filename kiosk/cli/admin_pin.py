"""`kiosk admin-pin`: set or change the administrator PIN that guards the settings screen.

The PIN is read with getpass (never echoed, never an argument, so it is not in the shell history or `ps`), and
only its scrypt hash is stored, in the terminal's credential store (kiosk.services.admin_pin).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("admin-pin", help="set or change the administrator PIN of the settings screen")
    parser.add_argument("--demo", action="store_true", help="the demo terminal's PIN (demo keyring)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.config import default_data_dir, demo_data_dir
    from kiosk.services.admin_pin import for_terminal
    from kiosk.services.errors import ServiceError

    pin = for_terminal(demo_data_dir() if args.demo else default_data_dir(), args.demo)
    try:
        if pin.is_set():
            pin.verify(getpass.getpass("current administrator PIN: "))
        new = getpass.getpass("new administrator PIN (6-12 digits): ")
        if getpass.getpass("again: ") != new:
            print("the two PINs differ; nothing changed", file=sys.stderr)
            return 2
        pin.set_pin(new)
    except ServiceError as exc:
        print(f"refused: {exc.code}", file=sys.stderr)  # never the PIN
        return 2
    print("administrator PIN set")
    return 0
