#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the desk-ledger tests.
#   tests/pg/cluster.sh start DIR PORT   prints the URL of its superuser connection
#   tests/pg/cluster.sh stop DIR
# initdb refuses to run as root, so the cluster belongs to the postgres user Debian's
# package creates; the socket and data live in DIR.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"; fi
}
case "$1" in
  start)
    dir=$2 port=$3
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; else sudo chown postgres "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    # The login claimtrail_pw_test must give its password, so the tests can see a wrong one
    # refused; everyone else is trusted on this throwaway cluster.
    hba="$dir/data/pg_hba.conf"
    as_postgres sh -c "{ echo 'host all claimtrail_pw_test 127.0.0.1/32 scram-sha-256'; cat '$hba'; } > '$hba.new' && mv '$hba.new' '$hba'"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    ;;
esac
