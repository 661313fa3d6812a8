#!/usr/bin/env bash
# The project's test command: sets up .venv, makes sure LibreOffice is there where it can,
# checks the code style and runs the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 of nieuwer is nodig" >&2; exit 2; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"

if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "LibreOffice installeren (libreoffice-calc-nogui)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui poppler-utils >/dev/null
  else
    echo "Let op: LibreOffice ontbreekt; de tests met een echte spreadsheet worden overgeslagen." >&2
    echo "Installeer het met: sudo apt-get install --no-install-recommends libreoffice-calc-nogui" >&2
  fi
fi
if ! command -v pdftotext >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null || true
fi

.venv/bin/ruff check pyfuncs budgets tests bench
.venv/bin/python -m pytest -q "$@"
