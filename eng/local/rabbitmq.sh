#!/usr/bin/env bash
# Runs the Debian rabbitmq-server in the foreground on loopback with its own node name, ports and folders
# under the project's state folder; logs go to stdout so the dashboard shows them.
# Env: SAFEGUARD_STATE_DIR, RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD (the latter two apply when
# the broker's database is first created), RABBITMQ_DEFINITIONS (optional: the services' own users and their
# permissions, written by the AppHost and imported at every boot).
set -euo pipefail
: "${SAFEGUARD_STATE_DIR:?}" "${RABBITMQ_PORT:?}" "${RABBITMQ_USER:?}" "${RABBITMQ_PASSWORD:?}"
base="$SAFEGUARD_STATE_DIR/rabbitmq"
# The config holds the administrator's password: owner-only from the moment it is created.
umask 077
mkdir -p "$base/home" "$base/mnesia" "$base/log"

cat > "$base/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$RABBITMQ_PORT
default_user = $RABBITMQ_USER
default_pass = $RABBITMQ_PASSWORD
log.console = true
log.console.level = warning
log.file = false
CONF
if [ -n "${RABBITMQ_DEFINITIONS:-}" ]; then
  echo "load_definitions = $RABBITMQ_DEFINITIONS" >> "$base/rabbitmq.conf"
fi
echo "[]." > "$base/enabled_plugins"

# Without HOME the broker crashes reading its Erlang cookie yet exits 0.
export HOME="$base/home"
export RABBITMQ_NODENAME="safeguard$RABBITMQ_PORT@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$RABBITMQ_PORT"
# Default distribution port is AMQP + 20000, which may pass 65535 (the broker then stops with exit 0).
export RABBITMQ_DIST_PORT="${RABBITMQ_DIST_PORT:-$((RABBITMQ_PORT + 1))}"
export RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$base/mnesia"
export RABBITMQ_LOG_BASE="$base/log"
export RABBITMQ_LOGS=-
# A failed start dumps the Erlang VM's state into the working folder (the repository) unless told otherwise.
export ERL_CRASH_DUMP="$base/log/erl_crash.dump"
# A broker stopped a moment ago (an outage test, a restart from the dashboard) may still be shutting down: its
# Erlang VM holds the ports and the node name, and a second broker started meanwhile exits at once. Wait for it
# to go, and end it if it hangs: it is this platform's own node, with this state folder.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 60); do
  listening "$RABBITMQ_NODE_PORT" || listening "$RABBITMQ_DIST_PORT" || break
  sleep 1
done
if listening "$RABBITMQ_NODE_PORT" || listening "$RABBITMQ_DIST_PORT"; then
  echo "rabbitmq: the previous broker $RABBITMQ_NODENAME still holds its ports after 60 s; ending it" >&2
  pkill -KILL -f -- "$RABBITMQ_NODENAME" || true
  sleep 2
fi
# Not /usr/sbin/rabbitmq-server: that wrapper switches user and sends logs to /var/log.
exec /usr/lib/rabbitmq/bin/rabbitmq-server
