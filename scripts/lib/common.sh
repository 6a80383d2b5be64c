# Shared by scripts/run and scripts/test.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_deps() {
  if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; then
    "$ROOT/scripts/install-deps"
  else
    say "not root and no sudo: assuming the packages of scripts/install-deps are installed"
  fi
}

# build PRESET [--target T] : configure quietly, then build (everything, or one target)
build() {
  local preset=$1; shift
  say "configure ($preset)"
  cmake --preset "$preset" -S "$ROOT" --log-level=WARNING >/dev/null
  say "build ($preset)"
  cmake --build --preset "$preset" -j "$JOBS" "$@"
}
