#!/usr/bin/env bash
# The network guard of `litmine check URL`, decided by curl's URL parser and
# by the address connected: a redirect between two loopback addresses
# (127.0.0.2 -> 127.0.0.3) is followed; a redirect whose userinfo looks like
# loopback ("127.0.0.1@192.0.2.1") is refused before any connection; private
# and link-local targets (10/8, 169.254.169.254, their IPv4-mapped forms) are
# refused without a connection being attempted, naming --allow-private.
# Servers bind 127.0.0.2 and 127.0.0.3 only; nothing leaves loopback.
. "$(dirname "$0")/lib.bash"
fx=$ROOT/tests/fixtures/reconcile
db=$T/c.db
"$LITMINE" import -q --db "$db" "$fx/corpus.xml" || bad "seed import"

start_srv "$T/p3" 127.0.0.3
start_srv "$T/p2" 127.0.0.2 --redirect "127.0.0.3:$port"
u=http://127.0.0.2:$port

expect 0 "redirect 127.0.0.2 -> 127.0.0.3" -- "$LITMINE" check --db "$db" --format json "$u/other"
grep -q '"verdict"' "$T/out" && ok || bad "loopback redirect: target page not read"

fails 3 "192.0.2.1/ok.html refused (it leaves loopback)" "userinfo redirect is not loopback" -- \
  "$LITMINE" check --db "$db" "$u/userinfo"
fails 3 "refused (it leaves loopback)" "redirect to mapped link-local" -- \
  "$LITMINE" check --db "$db" "$u/metadata"

# Private and link-local targets: refused before connecting.  strace shows
# that no connect() is made at all.
for url in http://10.0.0.1/x http://169.254.169.254/latest/meta-data/ \
           "http://[::ffff:169.254.169.254]/" "http://[fd00::1]/" http://192.168.0.1/ \
           "http://u@172.16.0.1:8080/"; do
  if command -v strace >/dev/null; then
    # (LeakSanitizer cannot run under ptrace: off for the traced run only)
    expect 3 "private $url" -- env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
      strace -f -qq -e trace=connect -o "$T/trace" "$LITMINE" check --db "$db" "$url"
    grep -q 'connect(' "$T/trace" && bad "private $url: a connection was attempted" || ok
  else
    expect 3 "private $url" -- "$LITMINE" check --db "$db" "$url"
  fi
  err_has "allow-private" "private $url names the option"
done
finish
