# Throwaway PostgreSQL cluster on loopback for the tests. Source this file, then:
#   pg_start   → exports WAGATE_TEST_PG_URL, registers pg_stop
#   pg_stop
# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

pg_free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin; bin=$(pg_bin) || { echo "pg: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/wagate-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  PG_PORT=$(pg_free_port)
  pg_as "$bin/initdb" -D "$PG_DIR/data" -A trust -U wagate --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -o "-k $PG_DIR -h 127.0.0.1 -p $PG_PORT -c fsync=on -c max_connections=200" \
    -l "$PG_DIR/server.log" -w start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export WAGATE_TEST_PG_URL="postgres://wagate@127.0.0.1:$PG_PORT/postgres"
  PG_BIN=$bin
  echo "pg: throwaway cluster on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
