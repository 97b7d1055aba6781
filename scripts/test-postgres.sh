#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, from Debian's postgresql package: a temp folder, 127.0.0.1 only.
#   bash scripts/test-postgres.sh start   prints DATABASE_URL=postgres://... and PG_TEST_DIR=... (eval-able)
#   bash scripts/test-postgres.sh stop DIR
# As root the cluster runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "test-postgres: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/factmark-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "PG_TEST_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: test-postgres.sh stop DIR}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: test-postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
