"""Hostile loopback web server for the `litmine check URL` scripts (not a
test itself).  usage: loopback_srv.py PAGE PORTFILE ADDR [--redirect HOST:PORT]
[--tls CERT KEY].  Binds ADDR on a free port, writes the port to PORTFILE and
serves until killed:
  /ok.html    PAGE as text/html        /hop       301 to /ok.html
  /endless    a body that never ends   /bighead   1000 headers of 100 bytes
  /away       302 off loopback         /loop...   302 to itself plus "x"
  /other      302 to HOST:PORT/ok.html (--redirect)
  /userinfo   302 to a loopback-looking userinfo on 192.0.2.1
  /metadata   302 to the IPv4-mapped link-local metadata address
anything else is 404."""
import http.server, socketserver, ssl, sys

page = open(sys.argv[1], "rb").read()
opts = sys.argv[4:]
other = opts[opts.index("--redirect") + 1] if "--redirect" in opts else ""
REDIRECTS = {
    "/hop": (301, "/ok.html"),
    "/away": (302, "http://192.0.2.1/article.html"),
    "/other": (302, "http://%s/ok.html" % other),
    "/userinfo": (302, "http://127.0.0.1@192.0.2.1/ok.html"),
    "/metadata": (302, "http://[::ffff:169.254.169.254]/latest"),
}


class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass

    def empty(self, code, location=None):
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0"); self.end_headers()

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
        elif p in REDIRECTS:
            self.empty(*REDIRECTS[p])
        elif p.startswith("/loop"):
            self.empty(302, p + "x")
        else:
            self.empty(404)


class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


srv = S((sys.argv[3], 0), H)
if "--tls" in opts:
    i = opts.index("--tls")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(opts[i + 1], opts[i + 2])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
open(sys.argv[2], "w").write(str(srv.server_address[1]))
srv.serve_forever()
