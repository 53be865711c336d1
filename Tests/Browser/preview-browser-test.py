#!/usr/bin/env python3
"""End-to-end test of `swiftbook preview` in headless Chromium.

Usage: Tests/Browser/preview-browser-test.py [SWIFTBOOK_BINARY]   (default .build/debug/swiftbook)

Serves a scratch copy of Tests/LiterateTests/Fixtures/preview, opens first.html in headless
Chromium, changes the first cell's code on disk, and passes when the page shows the new output
with no reload asked for by the test (the page's own reload script must do it); it also checks
that the chapter file was not written. Talks to Chromium over the DevTools protocol with the
standard library only (a minimal WebSocket client), so it needs Python 3 and Chromium, nothing else.
"""
import base64, json, os, re, shutil, signal, socket, struct, subprocess, sys, tempfile, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/swiftbook"))
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not browser:
    sys.exit("error: Chromium is not installed; run Scripts/setup-system --browser (or apt-get install chromium)")


class WebSocket:
    """Just enough of RFC 6455 for DevTools: text frames, client masking, no fragmentation."""

    def __init__(self, url):
        host, port, path = re.match(r"ws://([^:/]+):(\d+)(/.*)", url).groups()
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.next_id = 0

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        length = len(data)
        header = bytes([0x81]) + (bytes([0x80 | length]) if length < 126 else
                                   bytes([0x80 | 126]) + struct.pack(">H", length) if length < 65536 else
                                   bytes([0x80 | 127]) + struct.pack(">Q", length))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def exact(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return data

    def receive(self):
        first, second = self.exact(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack(">H", self.exact(2))[0]
        elif length == 127:
            length = struct.unpack(">Q", self.exact(8))[0]
        return first & 0x0F, self.exact(length)

    def call(self, method, **params):
        self.next_id += 1
        self.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            opcode, payload = self.receive()
            if opcode == 1:
                message = json.loads(payload)
                if message.get("id") == self.next_id:
                    return message


def evaluate(tab, expression):
    reply = tab.call("Runtime.evaluate", expression=expression, returnByValue=True)
    return reply.get("result", {}).get("result", {}).get("value")


def say(text):
    print(text, file=sys.stderr, flush=True)


def main():
    work = tempfile.mkdtemp(prefix="swiftbook-preview-e2e-")
    processes = []
    try:
        chapters = os.path.join(work, "Chapters")
        shutil.copytree(os.path.join(root, "Tests/LiterateTests/Fixtures/preview"), chapters)
        log = open(os.path.join(work, "preview.log"), "w+")
        preview = subprocess.Popen([binary, "preview", chapters, "--port", "0", "--cache-dir", os.path.join(work, "cache")],
                                   stderr=log, cwd=work)
        processes.append(preview)
        url = None
        for _ in range(1200):
            log.seek(0)
            found = re.search(r"serving (http://\S+)", log.read())
            if found:
                url = found.group(1)
                break
            time.sleep(0.1)
        if not url:
            log.seek(0)
            sys.exit("error: the preview did not start:\n" + log.read())

        say(f"preview serving {url}")
        profile = os.path.join(work, "profile")
        chrome = subprocess.Popen([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                   f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
                                  stderr=subprocess.PIPE, text=True)
        processes.append(chrome)
        devtools = None
        for line in chrome.stderr:
            found = re.search(r"DevTools listening on ws://([^/]+)/", line)
            if found:
                devtools = found.group(1)
                break
        say(f"Chromium DevTools at {devtools}")
        request = urllib.request.Request(f"http://{devtools}/json/new?{url}first.html", method="PUT")
        target = json.load(urllib.request.urlopen(request))
        tab = WebSocket(target["webSocketDebuggerUrl"])

        say("tab opened")
        deadline = time.time() + 60
        while not evaluate(tab, "document.body && document.body.innerText.includes('the answer is 21')"):
            if time.time() > deadline:
                sys.exit("FAIL: the page never showed the first output")
            time.sleep(0.1)
        # Give the page's event stream (an open request, so never in the resource timings) time to connect.
        time.sleep(2)

        path = os.path.join(chapters, "first.md")
        text = open(path).read().replace("20 + 1", "40 + 2")
        saved = time.time()
        open(path, "w").write(text)
        deadline = saved + 30
        while not evaluate(tab, "document.body && document.body.innerText.includes('the answer is 42')"):
            if time.time() > deadline:
                sys.exit("FAIL: the new output did not appear in the browser within 30 s")
            time.sleep(0.05)
        print(f"PASS: the new output appeared in the browser {time.time() - saved:.2f} s after the save, with no manual reload")
        if open(path).read() != text:
            sys.exit("FAIL: the preview wrote into the chapter")
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


main()
