#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server on loopback, for the tests (eng/test.sh) and the persistence benchmark.
# Source this file, then:
#   postgres_start   initialises a temp data directory owned by 'postgres', starts the server on 127.0.0.1 and a free
#                    port, and exports TYPEDGRAINS_POSTGRES (an Npgsql connection string), TYPEDGRAINS_PG_CTL and
#                    TYPEDGRAINS_PG_DATA (so a test can stop and restart the server with pg_ctl).
#   postgres_stop    stops the server and deletes the directory; safe to call twice or when the start failed.
# Debian's postgresql-15 package provides initdb and pg_ctl; as root they run as the 'postgres' user.

postgres_bin_dir() {
  local pg_ctl
  pg_ctl=$(dpkg -L postgresql-15 2>/dev/null | grep -E 'bin/pg_ctl$' | head -n 1)
  if [ -z "$pg_ctl" ]; then
    pg_ctl=/usr/lib/postgresql/15/bin/pg_ctl
  fi
  dirname "$pg_ctl"
}

postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_free_port() {
  local port
  for port in $(seq 54320 54420); do
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_start() {
  local bin port
  bin=$(postgres_bin_dir)
  if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "error: PostgreSQL 15 not found (expected initdb and pg_ctl in $bin; install Debian's postgresql-15)" >&2
    return 1
  fi
  port=$(postgres_free_port) || { echo "error: no free port in 54320-54420" >&2; return 1; }

  TYPEDGRAINS_PG_ROOT=$(mktemp -d /tmp/typedgrains-pg.XXXXXX)
  export TYPEDGRAINS_PG_ROOT
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$TYPEDGRAINS_PG_ROOT"
  chmod 700 "$TYPEDGRAINS_PG_ROOT"
  local data="$TYPEDGRAINS_PG_ROOT/data"

  if ! postgres_as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$TYPEDGRAINS_PG_ROOT/initdb.log" 2>&1; then
    cat "$TYPEDGRAINS_PG_ROOT/initdb.log" >&2
    return 1
  fi
  # Everything pg_ctl needs to start again lives in the configuration, so a test can restart with a bare 'pg_ctl start'.
  # Test assemblies run at the same time and each pools its own connections (the persistence suite alone opens up to
  # 200), so the server allows many more than any one of them uses.
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$TYPEDGRAINS_PG_ROOT'
max_connections = 500
shared_buffers = 128MB
CONF
  if ! postgres_as_owner "$bin/pg_ctl" -D "$data" -l "$TYPEDGRAINS_PG_ROOT/server.log" -w -t 60 start >/dev/null; then
    cat "$TYPEDGRAINS_PG_ROOT/server.log" >&2
    return 1
  fi

  export TYPEDGRAINS_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=100"
  export TYPEDGRAINS_PG_CTL="$bin/pg_ctl"
  export TYPEDGRAINS_PG_DATA="$data"
  echo "PostgreSQL 15 on 127.0.0.1:$port (data in $data)"
}

postgres_stop() {
  if [ -n "${TYPEDGRAINS_PG_ROOT:-}" ] && [ -d "$TYPEDGRAINS_PG_ROOT" ]; then
    if [ -f "$TYPEDGRAINS_PG_ROOT/data/postmaster.pid" ]; then
      postgres_as_owner "$(postgres_bin_dir)/pg_ctl" -D "$TYPEDGRAINS_PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$TYPEDGRAINS_PG_ROOT"
  fi
  # The lock file test assemblies use to keep apart from a server outage (tests/Shared/PostgresOutageLock.cs).
  [ -n "${TYPEDGRAINS_PG_ROOT:-}" ] && rm -f "$TYPEDGRAINS_PG_ROOT.outage.lock"
  TYPEDGRAINS_PG_ROOT=
}
