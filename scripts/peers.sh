#!/usr/bin/env bash
# The peers `make bench` measures reportkit against (bench/peers.py): pandoc + wkhtmltopdf for
# the brief, Marp (`marp --pptx`) for the deck. Only for the benchmark: neither scripts/setup.sh
# nor CI runs this, and the bench skips a peer that is missing (with a note).
# Installs what is missing and nothing else; safe to run again.
#   MARP_DIR     where Marp goes (default /opt/marp, where bench/peers.py looks first)
#   MARP_VERSION the marp-cli version (default 4.5.1, the one the README's figures were measured with)
set -euo pipefail

MARP_DIR="${MARP_DIR:-/opt/marp}"
MARP_VERSION="${MARP_VERSION:-4.5.1}"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

need=()
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
command -v wkhtmltopdf >/dev/null 2>&1 || need+=(wkhtmltopdf)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "peers: no apt-get here; install these yourself: ${need[*]}" >&2
    exit 1
  fi
  echo "peers: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -x "$MARP_DIR/node_modules/.bin/marp" ]; then
  echo "peers: Marp already in $MARP_DIR ($("$MARP_DIR/node_modules/.bin/marp" --version 2>/dev/null | head -1))"
else
  echo "peers: installing @marp-team/marp-cli@$MARP_VERSION into $MARP_DIR"
  $SUDO mkdir -p "$MARP_DIR"
  # its own folder, not a global install: the bench finds it there, and nothing else sees it
  (cd "$MARP_DIR" && $SUDO npm install --silent --no-audit --no-fund "@marp-team/marp-cli@$MARP_VERSION")
fi
# Marp draws the deck with a Chromium; bench/peers.py points it at the one reportkit uses
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] \
  || echo "peers: no Chromium found: Marp needs one (scripts/setup.sh installs it)" >&2
echo "peers: pandoc $(pandoc --version | head -1 | cut -d' ' -f2), $(wkhtmltopdf --version 2>/dev/null)"
