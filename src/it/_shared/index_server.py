"""A PyPI-like index for the upload tests: accepts the legacy upload API on 127.0.0.1 and records every request.

Usage: index_server.py RECORD_DIR USER PASSWORD
Writes the port it listens on to RECORD_DIR/port, then serves until killed (or for 15 minutes at most, so that a
test that dies before stopping it leaves nothing running). Each request is saved as RECORD_DIR/NNN.headers (JSON)
and RECORD_DIR/NNN.body. A file name uploaded twice is refused as PyPI refuses it (400, "File already exists");
wrong credentials get 401; a POST whose content is named 'fail-once-*' first gets a 503 (to test retries).
"""
import base64
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

record_dir, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(record_dir, exist_ok=True)
expected_auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
uploaded = set()
failed_once = set()
count = [0]
lock = threading.Lock()


def content_filename(body):
    marker = b'name="content"; filename="'
    start = body.find(marker)
    if start < 0:
        return None
    start += len(marker)
    return body[start:body.find(b'"', start)].decode()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            count[0] += 1
            number = count[0]
        base = os.path.join(record_dir, "%03d" % number)
        with open(base + ".headers", "w") as f:
            json.dump({k.lower(): v for k, v in self.headers.items()} | {"path": self.path}, f, indent=1)
        with open(base + ".body", "wb") as f:
            f.write(body)
        if self.headers.get("Authorization") != expected_auth:
            return self.reply(401, "Invalid or non-existent authentication information.")
        name = content_filename(body)
        if name is None:
            return self.reply(400, "Invalid or non-existent content.")
        if name.startswith("fail-once-") and name not in failed_once:
            failed_once.add(name)
            return self.reply(503, "Service Unavailable")
        if name in uploaded:
            return self.reply(400, "File already exists ('%s', with blake2_256 hash). See "
                                   "https://pypi.org/help/#file-name-reuse for more information." % name)
        uploaded.add(name)
        self.reply(200, "OK")

    def reply(self, status, message):
        data = ("%d %s\n" % (status, message)).encode()
        self.send_response(status, message)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Timer(900, server.shutdown).start()
with open(os.path.join(record_dir, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.replace(os.path.join(record_dir, "port.tmp"), os.path.join(record_dir, "port"))
server.serve_forever()
