#!/usr/bin/env bash
# Set up the project's virtual environment (once, and again when pyproject.toml
# changes), then start the app or run the tests.
#
#   scripts/dev.sh app [WORKBENCH ARGS...]   set up, then start the window (demo project)
#   scripts/dev.sh test [PYTEST ARGS...]     set up, then run the whole test suite
#   scripts/dev.sh setup                     set up only
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.setup-stamp
want=$(cat pyproject.toml scripts/dev.sh | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  # New venvs come with an old pip that drops some packages' extras: upgrade it first.
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[model,test]"
  echo "$want" > "$stamp"
fi

what=${1:-app}
[ $# -gt 0 ] && shift
case "$what" in
  setup)
    ;;
  app)
    exec .venv/bin/workbench "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh app|test|setup [ARGS...]" >&2
    exit 2
    ;;
esac
