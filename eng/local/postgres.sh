#!/usr/bin/env bash
# Runs the Debian PostgreSQL 15 binaries in the foreground on loopback, with the data in the project's
# state folder. Started by the AppHost (executable resource) when no container runtime is present.
# Env: SAFEGUARD_STATE_DIR, PG_PORT, PG_PASSWORD (used only when the cluster is first created);
# optional PG_SSL_CERT and PG_SSL_KEY (PEM files: the server then speaks TLS, as a deployment over a network must)
# and PG_OPTIONS (more "-c name=value" settings).
set -euo pipefail
: "${SAFEGUARD_STATE_DIR:?}" "${PG_PORT:?}" "${PG_PASSWORD:?}"
bin=/usr/lib/postgresql/15/bin
data="$SAFEGUARD_STATE_DIR/postgres"

# initdb and postgres refuse to run as root: drop to the Debian 'postgres' user. An array, not a
# function, so that "$!" below is the postgres process itself (setpriv execs it).
as_owner=()
[ "$(id -u)" -ne 0 ] || as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups --)

mkdir -p "$SAFEGUARD_STATE_DIR"
if [ "$(id -u)" -eq 0 ] && ! "${as_owner[@]}" test -x "$SAFEGUARD_STATE_DIR"; then
  # A parent folder is private (e.g. a clone under /root): the 'postgres' user cannot reach the state
  # folder. Keep the cluster where it can, linked from the state folder so that reset finds it.
  real="/var/lib/postgresql/safeguard/$(printf '%s' "$SAFEGUARD_STATE_DIR" | sha256sum | cut -c1-16)"
  echo "postgres: $SAFEGUARD_STATE_DIR is not reachable by user 'postgres'; the cluster lives in $real"
  mkdir -p "$real"
  [ -L "$data" ] || { rm -rf "$data"; ln -s "$real" "$data"; }
  data="$real"
fi
mkdir -p "$data"
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$data"
chmod 700 "$data"

if [ ! -s "$data/PG_VERSION" ]; then
  echo "postgres: creating a new cluster in $data"
  pwfile=$(mktemp)
  printf '%s\n' "$PG_PASSWORD" > "$pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pwfile"
  "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

tls=()
if [ -n "${PG_SSL_CERT:-}" ]; then
  # PostgreSQL reads its key only if the server's user owns it and no one else may.
  install -m 600 "$PG_SSL_CERT" "$data/server.crt"
  install -m 600 "$PG_SSL_KEY" "$data/server.key"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$data/server.crt" "$data/server.key"
  tls=(-c ssl=on -c ssl_cert_file="$data/server.crt" -c ssl_key_file="$data/server.key")
fi
# shellcheck disable=SC2206 # PG_OPTIONS is a list of -c settings, split on purpose
extra=(${PG_OPTIONS:-})

"${as_owner[@]}" "$bin/postgres" -D "$data" "${tls[@]}" "${extra[@]}" \
  -c listen_addresses=127.0.0.1 -c port="$PG_PORT" -c unix_socket_directories="$data" \
  -c max_connections=300 -c shared_buffers=128MB -c log_min_messages=warning \
  -c log_line_prefix='%m [%p] ' &
pid=$!
# The orchestrator stops us with SIGTERM, which is PostgreSQL's "smart" shutdown (waits for pooled
# connections, then gets killed). SIGINT is the fast clean shutdown: translate.
trap 'kill -INT "$pid" 2>/dev/null' TERM INT
wait "$pid" || true
wait "$pid" 2>/dev/null || true
