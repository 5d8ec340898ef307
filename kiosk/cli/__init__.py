"""The `kiosk` command: the GUI by default, plus support subcommands.

Each subcommand lives in its own module with `register(subparsers)`; that function adds its parser and sets
`func` to a callable taking the parsed arguments and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# module name under kiosk.cli -> registered lazily so a missing optional stack never breaks `kiosk --help`
SUBCOMMAND_MODULES = ("gui", "card", "sync", "admin_pin", "selftest")


def build_parser() -> argparse.ArgumentParser:
    from kiosk import __version__

    parser = argparse.ArgumentParser(prog="kiosk", description="MyKey counter & store kiosk")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(f"kiosk.cli.{name}")
        except ModuleNotFoundError as exc:  # a part not built yet
            if exc.name and exc.name.startswith("kiosk.cli"):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        # no subcommand: run the terminal as configured
        args = parser.parse_args(["run", *(argv or sys.argv[1:])])
        func = args.func
    return int(func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
