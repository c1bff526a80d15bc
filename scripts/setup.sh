#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine: the system packages reportkit
# needs (Chromium for chart rendering through kaleido, LibreOffice Impress as the
# real PowerPoint reader in tests, poppler for PDF pictures, cairo for SVG logos in
# the deck, fonts), then a virtualenv in .venv with reportkit and its test tools.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
need=()
command -v "$PYTHON" >/dev/null 2>&1 || need+=(python3 python3-venv)
# Debian splits venv out of python3; without it `python3 -m venv` fails
if command -v "$PYTHON" >/dev/null 2>&1 && ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
  need+=(python3-venv)
fi
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/crosextra ] || need+=(fonts-crosextra-carlito)
# cairosvg draws an SVG logo for the deck through the cairo library (loaded at run time)
compgen -G '/usr/lib/*/libcairo.so.2' >/dev/null || compgen -G '/usr/lib/libcairo.so.2' >/dev/null || need+=(libcairo2)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: no apt-get here; install these yourself: ${need[*]}" >&2
    exit 1
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: reportkit needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) found (set PYTHON=python3.12 …)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
echo "setup: installing reportkit into .venv"
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test]'
echo "setup: done"
