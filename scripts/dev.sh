#!/usr/bin/env bash
# Set up the project's virtual environment (once, and again when pyproject.toml,
# setup.py or this script change), then start the app, run the tests or build the
# one-folder app.
#
#   scripts/dev.sh app [WORKBENCH ARGS...]   set up, then start the window (demo project)
#   scripts/dev.sh test [PYTEST ARGS...]     set up, then run the quality checks (ruff
#                                            check, ruff format --check, mypy, import
#                                            contracts) and the whole test suite; fails
#                                            if either fails. WORKBENCH_QUALITY=skip runs
#                                            only the tests, =only only the checks.
#   scripts/dev.sh bundle [--zip]            set up (with PyInstaller), then build the
#                                            one-folder app in dist/ and smoke-test it
#   scripts/dev.sh setup                     set up only
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# A venv keeps its programs in bin/ (Linux, macOS) or Scripts/ (Windows, e.g. Git Bash).
venv_bin() {
  if [ -d .venv/Scripts ]; then echo .venv/Scripts; else echo .venv/bin; fi
}
if [ ! -x "$(venv_bin)/python" ] && [ ! -x "$(venv_bin)/python.exe" ]; then
  "$PYTHON" -m venv .venv
fi
BIN=$(venv_bin)
PY="$BIN/python"

what=${1:-app}
[ $# -gt 0 ] && shift

checksum() {
  if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi | cut -d' ' -f1
}
stamp=.venv/.setup-stamp
want=$(cat pyproject.toml setup.py scripts/dev.sh | checksum)
have="" have_extras=""
if [ -f "$stamp" ]; then read -r have have_extras < "$stamp" || true; fi
# The bundle command adds PyInstaller (extra "bundle"); once added it stays.
extras="model,test"
if [ "$what" = bundle ] || [ "$have_extras" = "model,test,bundle" ]; then
  extras="model,test,bundle"
fi
if [ "$have" != "$want" ] || [ "$have_extras" != "$extras" ]; then
  # New venvs come with an old pip that drops some packages' extras: upgrade it first.
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet -e ".[$extras]"
  echo "$want $extras" > "$stamp"
fi

case "$what" in
  setup)
    ;;
  app)
    exec "$BIN/workbench" "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    quality=${WORKBENCH_QUALITY:-run}
    failed=""
    if [ "$quality" != skip ]; then
      # Each check runs even if one before it failed, so one run shows everything.
      "$BIN/ruff" check --output-format concise . || failed="$failed ruff-check"
      "$BIN/ruff" format --check --output-format concise . || failed="$failed ruff-format"
      "$BIN/mypy" || failed="$failed mypy"
      "$PY" scripts/lint_imports.py || failed="$failed import-contracts"
    fi
    status=0
    if [ "$quality" != only ]; then
      # The tests run whatever the checks said: a lint finding never hides a failing test.
      "$PY" -m pytest "$@" || status=$?
    fi
    if [ -n "$failed" ]; then
      echo "scripts/dev.sh test: quality checks failed:$failed" >&2
      [ "$status" -ne 0 ] || status=1
    fi
    exit "$status"
    ;;
  bundle)
    exec "$PY" scripts/bundle.py "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh app|test|bundle|setup [ARGS...]" >&2
    exit 2
    ;;
esac
