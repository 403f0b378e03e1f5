#!/usr/bin/env bash
# Installs dnsmasq (Debian's dnsmasq-base) for tests/diagnose_dns.rs's real-server
# test. Never fails: the test prints SKIP when dnsmasq is still missing.
if ! command -v dnsmasq >/dev/null 2>&1 && [ ! -x /usr/sbin/dnsmasq ]; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends dnsmasq-base) >/tmp/metabase-fix-dnsmasq-apt.log 2>&1 \
    || echo "install-dns-server: apt-get install dnsmasq-base failed (see /tmp/metabase-fix-dnsmasq-apt.log)"
fi
exit 0
