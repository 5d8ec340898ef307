#!/usr/bin/env bash
# Regenerates the operator guide's screenshots (docs/images/ja, docs/images/en) from the demo, at 1280×800:
# runs `kiosk screenshots` once per language (about 3 minutes each, offscreen) and keeps the images the guide links.
#   docs/make_screenshots.sh            # both languages
#   docs/make_screenshots.sh en         # one language
#   SHOTS_DIR=/tmp/shots docs/make_screenshots.sh   # reuse runs in /tmp/shots/<language> (no rendering)
# pngquant and optipng compress the images when installed (apt-get install pngquant optipng).
set -euo pipefail
cd "$(dirname "$0")/.."
KIOSK=${KIOSK:-.venv/bin/kiosk}
PYTHON=${PYTHON:-.venv/bin/python}
languages=("$@")
[ ${#languages[@]} -eq 0 ] && languages=(ja en)
if [ -n "${SHOTS_DIR:-}" ]; then
  runs=$SHOTS_DIR
else
  runs=$(mktemp -d)
  trap 'rm -rf "$runs"' EXIT
fi
status=0
for lang in "${languages[@]}"; do
  if [ -z "${SHOTS_DIR:-}" ]; then
    # a failed run still leaves the screens it reached; those are picked, and the script exits 1
    if ! QT_QPA_PLATFORM=offscreen "$KIOSK" screenshots --out "$runs/$lang" --language "$lang" > "$runs/$lang.log" 2>&1; then
      echo "kiosk screenshots --language $lang failed (last lines of its log below)" >&2
      tail -n 5 "$runs/$lang.log" >&2
      status=1
    fi
  fi
  "$PYTHON" docs/pick_screenshots.py "$runs/$lang/1280x800" "$lang" || status=1
done
exit $status
