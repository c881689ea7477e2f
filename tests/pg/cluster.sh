#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the desk-ledger tests.
#   tests/pg/cluster.sh start DIR PORT   prints the URL of its superuser connection
#   tests/pg/cluster.sh standby DIR PORT  adds a hot standby of the cluster in DIR, streaming
#                                        from it on loopback; prints its superuser URL
#   tests/pg/cluster.sh stop DIR          stops the standby too, if there is one
# It speaks TLS with a certificate for 127.0.0.1 signed by a throwaway authority,
# DIR/ca.crt, which clients trust through PGSSLROOTCERT.
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
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=claimtrail test authority" \
      -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
      -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
      "extendedKeyUsage=serverAuth" > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
      -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
    chmod 755 "$dir"; chmod 644 "$dir/ca.crt" "$dir/server.crt"; chmod 600 "$dir/server.key"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir" "$dir/server.key"
    else sudo chown postgres "$dir" "$dir/server.key"; fi
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    # The login claimtrail_pw_test must give its password, so the tests can see a wrong one
    # refused; everyone else is trusted on this throwaway cluster.
    hba="$dir/data/pg_hba.conf"
    # The login claimtrail_tls_test may connect only encrypted, so the tests can see that
    # claimtrail's connections are.
    as_postgres sh -c "{ echo 'host all claimtrail_pw_test 127.0.0.1/32 scram-sha-256'; echo 'hostnossl all claimtrail_tls_test 127.0.0.1/32 reject'; cat '$hba'; } > '$hba.new' && mv '$hba.new' '$hba'"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  standby)
    dir=$2 port=$3
    primary=$(as_postgres cat "$dir/data/postmaster.opts" | sed -n 's/.*"-p" "\([0-9]*\)".*/\1/p')
    # -R writes primary_conninfo and standby.signal: a hot standby that replays as it streams.
    as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir/standby" \
      -R -X stream -c fast
    as_postgres "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key -c hot_standby=on" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$2/standby/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$2/standby" -m fast -w stop >/dev/null || true
    fi
    as_postgres "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    ;;
esac
