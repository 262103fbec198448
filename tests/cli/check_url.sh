#!/usr/bin/env bash
# `litmine check URL` against hostile loopback servers: an endless body
# stops at the size cap, 100 KB of headers stop at the header cap, a
# redirect off loopback is refused and names its target, a redirect that
# stays on loopback is followed, a redirect loop ends after 5 hops, and an
# https server with a self-signed certificate fails verification.  Every
# failure is one line naming the URL, a non-zero exit, and the corpus as it
# was.  Servers bind 127.0.0.1 only.
. "$(dirname "$0")/lib.bash"
fx=$ROOT/tests/fixtures/reconcile
db=$T/c.db
"$LITMINE" import -q --db "$db" "$fx/corpus.xml" || bad "seed import"
before=$(dump "$db")

start_srv "$T/p1" 127.0.0.1
u=http://127.0.0.1:$port

expect 0 "page" -- "$LITMINE" check --db "$db" --format json "$u/ok.html"
grep -q '"verdict"' "$T/out" && ok || bad "page: no claims read"

expect 0 "redirect within loopback" -- "$LITMINE" check --db "$db" --format json "$u/hop"
grep -q '"verdict"' "$T/out" && ok || bad "redirect: target page not read"

fails 2 "$u/endless: larger than" "endless body stopped at the cap" -- \
  "$LITMINE" check --db "$db" "$u/endless"
fails 3 "response headers exceed 65536 bytes" "100 KB of headers: header cap" -- \
  "$LITMINE" check --db "$db" "$u/bighead"
fails 3 "redirect to http://192.0.2.1/article.html refused" "redirect off loopback" -- \
  "$LITMINE" check --db "$db" "$u/away"
fails 3 "more than 5 redirects" "redirect loop" -- "$LITMINE" check --db "$db" "$u/loop"

# TLS: a self-signed certificate is never accepted
if openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 \
     -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1; then
  start_srv "$T/p2" 127.0.0.1 --tls "$T/cert.pem" "$T/key.pem"
  expect 3 "self-signed certificate" -- "$LITMINE" check --db "$db" "https://127.0.0.1:$port/ok.html"
  grep -qi "certificate" "$T/err" && err_has "https://127.0.0.1:$port/ok.html" "TLS failure named" \
    || bad "TLS failure not about the certificate: $(cat "$T/err")"
else
  bad "openssl cannot make a test certificate"
fi

[ "$(dump "$db")" = "$before" ] && ok || bad "corpus changed by check"
finish
