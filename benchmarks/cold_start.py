"""Cold start of the installed terminal (the PyInstaller bundle) to its first usable screen (issue 13).

    .venv/bin/python -m benchmarks.cold_start [--bundle DIR] [--runs 7] [--platform xcb|offscreen]

Each run is a new process: `<bundle>/kiosk demo` on a demo data directory initialised beforehand (the first,
uncounted start does init-demo, like a counter PC started for the first time), with `KIOSK_STARTUP_MARKER=exit`:
the kiosk prints the wall-clock time at which its window was painted for the first time (the role chooser,
kiosk/ui/startup.py) and quits. Cold start = that time − the time just before exec. The window is shown on an
Xvfb screen (xcb, as on a counter PC) when Xvfb is installed, else on Qt's offscreen platform.

`--mode run` measures what a counter PC does every morning instead: `<bundle>/kiosk run` of a terminal enrolled
(`kiosk sync enrol`) with a `kiosk-cloud serve` started beside it (from the virtualenv, on SQLite, init-demo data),
to its first screen (the clerk's login). A test machine has no OS keyring, so the benchmark gives the bundle a
keyring of its own through keyring's config file (a JSON file, benchmark only). The PC/SC backend is configured;
pcscd need not run. `--mode demo` (default) starts more: the embedded cloud (FastAPI + uvicorn on SQLite) in the
same process, and the demo's four roles. Without
`--bundle` the bundle is built first (installer/build_bundle.py, 2–3 minutes). The file cache is warm (the same
files are read by every run); `--drop-caches` (root) drops it before each run for a truly cold disk.
Target: under 1.5 s. Writes benchmarks/results/cold_start.json (median and max).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results") / "cold_start.json"  # cold_start_run.json with --mode run
MARKER = "kiosk-startup first-screen-painted"
TARGET_S = 1.5


@contextlib.contextmanager
def display(platform: str) -> Iterator[dict[str, str]]:
    """Environment for the kiosk: an Xvfb screen of its own (xcb), or the offscreen platform."""
    if platform == "offscreen" or shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(10)


BENCH_KEYRING = '''"""The cold-start benchmark's keyring: a JSON file, declared usable. Never for a real terminal."""
import json, os
from keyring.backend import KeyringBackend


class BenchKeyring(KeyringBackend):
    priority = 1
    path = os.path.join(os.path.dirname(__file__), "secrets.json")

    def _all(self):
        try:
            with open(self.path) as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._all().get(service + "/" + username)

    def set_password(self, service, username, password):
        items = self._all()
        items[service + "/" + username] = password
        with open(self.path, "w") as f:
            json.dump(items, f)

    def delete_password(self, service, username):
        items = self._all()
        items.pop(service + "/" + username, None)
        with open(self.path, "w") as f:
            json.dump(items, f)
'''


@contextlib.contextmanager
def enrolled_terminal(kiosk: Path, base: Path, env: dict[str, str]) -> Iterator[Path]:
    """A kiosk-cloud beside the bundle, and the bundle's terminal enrolled with it; yields its data directory."""
    venv_bin = Path(sys.executable).parent
    keyring_dir = base / "bench-keyring"
    keyring_dir.mkdir()
    (keyring_dir / "benchkeyring.py").write_text(BENCH_KEYRING)
    rc = Path(env["XDG_CONFIG_HOME"]) / "python_keyring" / "keyringrc.cfg"
    rc.parent.mkdir(parents=True)
    rc.write_text(f"[backend]\ndefault-keyring=benchkeyring.BenchKeyring\nkeyring-path={keyring_dir}\n")
    db = f"sqlite:///{base / 'cloud.db'}"
    init = subprocess.run([str(venv_bin / "kiosk-cloud"), "init-demo", "--database-url", db, "--data-dir",
                           str(base / "cloud")], check=True, capture_output=True, text=True).stdout
    code = next(line.split()[1] for line in init.splitlines() if line.strip().startswith("counter "))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(venv_bin / "kiosk-cloud"), "serve", "--database-url", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("kiosk-cloud serve did not start")
            time.sleep(0.2)
        data = base / "terminal"
        data.mkdir()
        (data / "settings.json").write_text(json.dumps({"card_backend": "pcsc"}))
        subprocess.run([str(kiosk), "sync", "enrol", "--cloud-url", f"http://127.0.0.1:{port}", "--code", code,
                        "--name", "cold-start bench"], env=env, check=True, capture_output=True, timeout=120)
        yield data
    finally:
        server.terminate()
        server.wait(20)


def one_start(kiosk: Path, data: Path, env: dict[str, str], drop_caches: bool, mode: str = "demo"
              ) -> dict[str, object]:
    if drop_caches:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    started = time.time()
    done = subprocess.run([str(kiosk), mode, "--data-dir", str(data)], env=env, capture_output=True, text=True,
                          timeout=120)
    ended = time.time()
    line = next((x for x in done.stderr.splitlines() if x.startswith(MARKER)), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"kiosk {mode} failed (exit {done.returncode}): {done.stderr[-2000:]}")
    fields = dict(item.split("=", 1) for item in line[len(MARKER):].split())
    painted = float(fields.pop("t"))
    steps, previous = {}, started
    for step in ("imports", "backend", "runtime", "terminals", "window"):  # kiosk/cli/gui.py's phases, as durations
        if step in fields:
            steps[step] = round(float(fields[step]) - previous, 3)
            previous = float(fields[step])
    steps["show_and_paint"] = round(painted - previous, 3)
    return {"first_screen_s": round(painted - started, 3), "cpu_s": float(fields["cpu"]),
            "process_s": round(ended - started, 3), "screen": fields["screen"], "steps_s": steps}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=None, help="a built bundle (default: build one now)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--mode", choices=("demo", "run"), default="demo",
                        help="demo: kiosk demo (embedded cloud, four roles); run: an enrolled counter terminal")
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="xcb")
    parser.add_argument("--drop-caches", action="store_true", help="drop the page cache before each run (root)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.mode == "run" and args.out == RESULTS:
        args.out = RESULTS.with_name("cold_start_run.json")

    with tempfile.TemporaryDirectory(prefix="kiosk-cold-") as tmp:
        base = Path(tmp)
        bundle = args.bundle
        build_s = None
        if bundle is None:
            sys.path.insert(0, str(ROOT / "installer"))
            import build_bundle

            t0 = time.monotonic()
            bundle = build_bundle.build(base / "dist", base / "work")
            build_s = round(time.monotonic() - t0, 1)
        kiosk = bundle.resolve() / "kiosk"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "PYTHON", "QT_"))}
        env.update(HOME=str(base / "home"), XDG_DATA_HOME=str(base / "xdg"), XDG_CONFIG_HOME=str(base / "config"),
                   KIOSK_STARTUP_MARKER="exit")
        with contextlib.ExitStack() as stack:
            screen = stack.enter_context(display(args.platform))
            env.update(screen)
            data = base / "demo"
            if args.mode == "run":
                data = stack.enter_context(enrolled_terminal(kiosk, base, env))
            first = one_start(kiosk, data, env, False, args.mode)  # init-demo / the local store's creation
            runs = [one_start(kiosk, data, env, args.drop_caches, args.mode) for _ in range(args.runs)]
    times = [float(r["first_screen_s"]) for r in runs]  # type: ignore[arg-type]
    cpu = [float(r["cpu_s"]) for r in runs]  # type: ignore[arg-type]
    steps = {name: round(statistics.median(float(r["steps_s"][name]) for r in runs), 3)  # type: ignore[index]
             for name in runs[0]["steps_s"]}  # type: ignore[union-attr]
    result = {
        "what": ("exec of <bundle>/kiosk demo (demo data ready) to the first screen painted (role chooser)"
                 if args.mode == "demo" else
                 "exec of <bundle>/kiosk run (an enrolled counter terminal, its cloud beside it) to the first screen "
                 "painted (the clerk's login)"),
        "mode": args.mode, "platform": env["QT_QPA_PLATFORM"], "runs": runs,
        "first_start_s": first["first_screen_s"],
        "median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3), "min_s": round(min(times), 3),
        "median_cpu_s": round(statistics.median(cpu), 3), "median_steps_s": steps,
        "target_s": TARGET_S, "met": statistics.median(times) < TARGET_S and max(times) < TARGET_S,
        "page_cache": "dropped before each run" if args.drop_caches else "warm",
        "bundle_build_s": build_s, "load_average": os.getloadavg(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
