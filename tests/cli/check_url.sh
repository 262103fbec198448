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

cat > "$T/srv.py" <<'PY'
import http.server, socketserver, ssl, sys
page = open(sys.argv[1], "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        p = self.path
        if p == "/ok.html":
            self.send_response(200); self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page))); self.end_headers()
            self.wfile.write(page)
        elif p == "/endless":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif p == "/bighead":
            self.send_response(200)
            for i in range(1000):
                self.send_header("X-Pad-%d" % i, "y" * 100)
            self.end_headers(); self.wfile.write(page)
        elif p == "/away":
            self.send_response(302); self.send_header("Location", "http://192.0.2.1/article.html")
            self.send_header("Content-Length", "0"); self.end_headers()
        elif p == "/hop":
            self.send_response(301); self.send_header("Location", "/ok.html")
            self.send_header("Content-Length", "0"); self.end_headers()
        elif p.startswith("/loop"):
            self.send_response(302); self.send_header("Location", p + "x")
            self.send_header("Content-Length", "0"); self.end_headers()
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
srv = S(("127.0.0.1", 0), H)
if len(sys.argv) > 3:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[3], sys.argv[4])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
open(sys.argv[2], "w").write(str(srv.server_address[1]))
srv.serve_forever()
PY

# start_srv PORTFILE [CERT KEY]: a server in the background, its port in $port
start_srv() {
  python3 "$T/srv.py" "$fx/page.html" "$@" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$1" ] && break; sleep 0.05; done
  port=$(cat "$1")
}
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$T"' EXIT
start_srv "$T/p1"
u=http://127.0.0.1:$port

expect 0 "page" -- "$LITMINE" check --db "$db" --format json "$u/ok.html"
grep -q '"verdict"' "$T/out" && ok || bad "page: no claims read"

expect 0 "redirect within loopback" -- "$LITMINE" check --db "$db" --format json "$u/hop"
grep -q '"verdict"' "$T/out" && ok || bad "redirect: target page not read"

expect 2 "endless body" -- "$LITMINE" check --db "$db" "$u/endless"
err_has "$u/endless: larger than" "endless body stopped at the cap"

expect 3 "100 KB of headers" -- "$LITMINE" check --db "$db" "$u/bighead"
err_has "response headers exceed 65536 bytes" "header cap named"

expect 3 "redirect off loopback" -- "$LITMINE" check --db "$db" "$u/away"
err_has "redirect to http://192.0.2.1/article.html refused" "redirect named and refused"

expect 3 "redirect loop" -- "$LITMINE" check --db "$db" "$u/loop"
err_has "more than 5 redirects" "redirect loop ended"

# TLS: a self-signed certificate is never accepted
if openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 \
     -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1; then
  start_srv "$T/p2" "$T/cert.pem" "$T/key.pem"
  expect 3 "self-signed certificate" -- "$LITMINE" check --db "$db" "https://127.0.0.1:$port/ok.html"
  grep -qi "certificate" "$T/err" && err_has "https://127.0.0.1:$port/ok.html" "TLS failure named" \
    || bad "TLS failure not about the certificate: $(cat "$T/err")"
else
  bad "openssl cannot make a test certificate"
fi

[ "$(dump "$db")" = "$before" ] && ok || bad "corpus changed by check"
finish
