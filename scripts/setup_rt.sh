#!/usr/bin/env bash
# Install Request Tracker 5 from Debian's packages for `make bench-peer`.
#
# Needs root (apt-get). Installs only what is missing: request-tracker5 and
# rt5-db-postgresql (which bring rt-server and Starlet). Debconf is told not to
# let dbconfig-common create a database: bench/peer_rt.py creates its own
# (rt5_bench_peer) on the PostgreSQL at 127.0.0.1 with a configuration under
# var/bench-peer/rt/, and nothing in /etc/request-tracker5 is changed by it.
# Nothing of RT's is committed to this repository.
set -euo pipefail

PACKAGES=(request-tracker5 rt5-db-postgresql)
missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "Request Tracker 5 is installed: $(dpkg-query -W -f='${Version}' request-tracker5)"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Installing ${missing[*]} needs root: run 'sudo scripts/setup_rt.sh' (or make bench-peer as root)." >&2
    exit 1
fi
echo "request-tracker5 request-tracker5/dbconfig-install boolean false" | debconf-set-selections
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "Request Tracker 5 installed: $(dpkg-query -W -f='${Version}' request-tracker5)"
