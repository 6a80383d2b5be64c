#!/bin/sh
# Runs a test binary inside a private D-Bus session with a fresh, unlocked gnome-keyring, so keychain
# tests use the real Secret Service without touching (or prompting on) anyone's own keyring, and
# leaves no daemon behind.
# Usage: run-with-keyring.sh TEST-BINARY [ARGS...]
set -eu
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-with-keyring: $tool is missing (scripts/install-deps installs it)" >&2
    exit 1
  fi
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -m 700 "$home/data" "$home/config" "$home/run"

# Inside the session: a fresh XDG_DATA_HOME means a new login keyring, created with the empty password
# piped in (a newline: with empty stdin the daemon would try to prompt). It runs in the foreground so
# it can be stopped afterwards; the test starts only once the daemon owns org.freedesktop.secrets,
# otherwise D-Bus activation could start a second, locked one.
inner='
echo "" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ]; then
    echo "run-with-keyring: gnome-keyring-daemon did not start" >&2
    kill "$daemon" 2>/dev/null
    exit 1
  fi
  sleep 0.1
done
rc=0
"$@" || rc=$?
kill "$daemon" 2>/dev/null
wait "$daemon" 2>/dev/null || true
exit "$rc"
'
rc=0
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run" \
  dbus-run-session -- sh -c "$inner" run-with-keyring "$@" || rc=$?
exit "$rc"
