#!/usr/bin/env bash
# Two Zope instances on one RelStorage/PostgreSQL database behind HAProxy (or a local balancer).
# Used by `make start-cluster`; see docs/how-to/scale-out.md for the production layout.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
DB=${SERVICEDESK_PG_DB:-servicedesk}
PG="-h 127.0.0.1 -U postgres"
PORT=${SERVICEDESK_PORT:-8080}

if ! psql $PG -d postgres -tAc "select 1" >/dev/null 2>&1; then
    echo "PostgreSQL is not reachable on 127.0.0.1:5432 (user postgres)." >&2
    exit 1
fi
psql $PG -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1 \
    || createdb $PG "$DB"

# HAProxy (Debian package haproxy) when installed: the shipped, tested configuration
# (scripts/haproxy.cfg.in) with health checks; else the small development balancer.
HAPROXY=$(command -v haproxy || true)
if [ -n "$HAPROXY" ]; then
    # HAProxy adds X-Forwarded-For; the instances trust it from loopback only.
    export SERVICEDESK_TRUSTED_PROXIES=${SERVICEDESK_TRUSTED_PROXIES:-127.0.0.1}
fi

export SERVICEDESK_STORAGE=relstorage
export SERVICEDESK_PG_DSN="dbname='$DB' user='postgres' host='127.0.0.1' port='5432'"
for i in 1 2; do
    SERVICEDESK_INSTANCE=instance$i SERVICEDESK_PORT=$((PORT + i)) \
        SERVICEDESK_HOST=127.0.0.1 $BIN/python scripts/instance.py
done
$BIN/zconsole run var/instance1/etc/zope.conf scripts/create_site.py
$BIN/python scripts/credentials.py

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
for i in 1 2; do
    $BIN/runwsgi var/instance$i/etc/zope.ini > var/instance$i.log 2>&1 &
    pids+=($!)
done
# One tick loop for the whole cluster (in production: cron on one host).
$BIN/python scripts/tick.py --loop --url "http://127.0.0.1:$PORT/${SERVICEDESK_SITE_ID:-Plone}" &
pids+=($!)
echo "Instances: http://127.0.0.1:$((PORT + 1)) and http://127.0.0.1:$((PORT + 2)) (logs in var/)"
if [ -n "$HAPROXY" ]; then
    STATS=${SERVICEDESK_HAPROXY_STATS:-127.0.0.1:8404}
    $BIN/python scripts/haproxy_config.py --bind "127.0.0.1:$PORT" \
        --server "127.0.0.1:$((PORT + 1))" --server "127.0.0.1:$((PORT + 2))" \
        --site "${SERVICEDESK_SITE_ID:-Plone}" --stats "$STATS" --out var/haproxy.cfg
    "$HAPROXY" -c -q -f var/haproxy.cfg
    echo "HAProxy on http://127.0.0.1:$PORT (stats: http://$STATS/, config: var/haproxy.cfg)"
    "$HAPROXY" -db -f var/haproxy.cfg
else
    echo "haproxy is not installed: using the development balancer (scripts/balancer.py)."
    $BIN/python scripts/balancer.py "$PORT" $((PORT + 1)) $((PORT + 2))
fi
