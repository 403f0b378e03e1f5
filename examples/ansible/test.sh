#!/usr/bin/env bash
# Runs the example playbook for real, on the control node itself, against two
# copies of a shipped fixture: first run changes both, second run changes none,
# --check changes nothing on disk. Installs ansible-core from PyPI if missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${METABASE_FIX_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/metabase-fix}
if ! command -v ansible-playbook >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check ansible-core || {
    echo "SKIP: ansible-core could not be installed from PyPI"; exit 0; }
fi
export PATH="$HOME/.local/bin:$PATH" ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for h in mail01 mail02; do mkdir -p "$work/$h"; cp "$root/fixtures/exchange2003.xml" "$work/$h/MetaBase.xml"; done
cat > "$work/inventory.ini" <<INV
[metabase_servers]
mail01 ansible_connection=local metabase_path=$work/mail01/MetaBase.xml
mail02 ansible_connection=local metabase_path=$work/mail02/MetaBase.xml
INV
run() { ansible-playbook -i "$work/inventory.ini" "$here/fix-smtp-dns.yml" \
  -e "metabase_fix=$bin" -e "backup_root=$work/backups" "$@"; }
ansible-playbook -i "$work/inventory.ini" --syntax-check "$here/fix-smtp-dns.yml"
run --check | tee "$work/check.log"
cmp "$work/mail01/MetaBase.xml" "$root/fixtures/exchange2003.xml"
grep -Eq 'mail01 +: ok=[0-9]+ +changed=1 ' "$work/check.log"
run | tee "$work/first.log"
for h in mail01 mail02; do cmp "$work/$h/MetaBase.xml" "$root/fixtures/exchange2003.expected.xml"; done
grep -Eq 'mail01 +: ok=[0-9]+ +changed=1 ' "$work/first.log"
run | tee "$work/second.log"
grep -Eq 'mail01 +: ok=[0-9]+ +changed=0 ' "$work/second.log"
grep -Eq 'mail02 +: ok=[0-9]+ +changed=0 ' "$work/second.log"
# Any property from a variable (issue 12): ConnectionTimeout on both hosts,
# then a second run changes nothing.
props='{"metabase_properties": [{"location": "/LM/SmtpSvc", "property": "ConnectionTimeout", "value": "900"}]}'
run -e "$props" | tee "$work/props.log"
grep -Eq 'mail01 +: ok=[0-9]+ +changed=1 ' "$work/props.log"
for h in mail01 mail02; do
  "$bin" --json --file "$work/$h/MetaBase.xml" get /LM/SmtpSvc ConnectionTimeout | grep -q '"value": 900'
done
run -e "$props" | tee "$work/props2.log"
grep -Eq 'mail01 +: ok=[0-9]+ +changed=0 ' "$work/props2.log"
echo "ansible example: 1 passed, 0 failed"
