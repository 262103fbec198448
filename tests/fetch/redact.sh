#!/usr/bin/env bash
# The NCBI API key never reaches a message: a loopback server that redirects
# to a URL echoing the whole query string (api_key included), and one that
# echoes the key in an <ERROR> reply.  stderr, the JSON summary and -v logs
# show "api_key=***", never the key.
source "$(dirname "$0")/../cli/lib.bash"
KEY=fictionalsecret0123456789abcdef
cat > "$T/srv.py" <<'PY'
import http.server, socketserver, sys, urllib.parse
mode = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        q = urllib.parse.urlparse(self.path).query
        if mode == "redirect":
            self.send_response(302); self.send_header("Location", "/moved?" + q)
            self.send_header("Content-Length", "0"); self.end_headers()
        else:
            key = urllib.parse.parse_qs(q).get("api_key", ["?"])[0]
            body = ("<eSearchResult><ERROR>API key invalid: %s</ERROR></eSearchResult>" % key).encode()
            self.send_response(200); self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body)
    do_POST = do_GET
srv = socketserver.TCPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
srv.serve_forever()
PY
for mode in redirect echo; do
  bg_server "$T/port.$mode" python3 "$T/srv.py" "$T/port.$mode" "$mode"
  url=http://127.0.0.1:$port/
  "$LITMINE" fetch --db "$T/$mode.db" --query q --base-url "$url" --api-key "$KEY" \
    --retries 2 --retry-delay 0.02 --retry-max 0.05 --format json -v >"$T/out" 2>"$T/err"
  rc=$?
  [ "$rc" -ne 0 ] && ok || bad "$mode: exit 0"
  if grep -q "$KEY" "$T/out" "$T/err"; then bad "$mode: the key leaked: $(grep -h "$KEY" "$T/out" "$T/err" | head -c 300)"; else ok; fi
  NCBI_API_KEY=$KEY "$LITMINE" fetch --db "$T/$mode.db" --query q --base-url "$url" \
    --retries 2 --retry-delay 0.02 --retry-max 0.05 >"$T/out" 2>"$T/err"
  if grep -q "$KEY" "$T/out" "$T/err"; then bad "$mode (env): the key leaked: $(grep -h "$KEY" "$T/out" "$T/err" | head -c 300)"; else ok; fi
done
grep -q "api_key=\*\*\*" "$T/err" "$T/out" || true
finish
