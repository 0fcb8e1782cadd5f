"""Open a page in headless Chromium and ask it what a reader sees (Chrome DevTools Protocol).

Debian's ``chromium`` package is the browser; websocket-client speaks the protocol. The
page is loaded from a file: URL with every network request recorded, so a test can check
that a report fetches nothing and that its images decode.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    """Return the path of an installed Chromium, or None."""
    for name in CHROMIUM_NAMES:
        if path := shutil.which(name):
            return path
    return None


class Browser:
    """A headless Chromium with one tab, driven over the DevTools websocket."""

    def __init__(self, executable: str, *, startup_seconds: float = 30.0) -> None:
        self._profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
        self._process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._wait_for_port(startup_seconds)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        page = next(target for target in targets if target["type"] == "page")
        # No Origin header: Chromium 111+ refuses DevTools sockets from an origin not allowed.
        self._socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                                   suppress_origin=True)
        self._next_id = 0
        self._events: list[dict] = []

    def _wait_for_port(self, seconds: float) -> int:
        marker = self._profile / "DevToolsActivePort"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if marker.exists() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            if self._process.poll() is not None:
                raise RuntimeError(f"chromium exited with code {self._process.returncode}")
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port")

    def send(self, method: str, **params) -> dict:
        """Call one DevTools method and return its result, keeping events that arrive."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._events.append(message)

    def _wait_for_event(self, method: str, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(event.get("method") == method for event in self._events):
                return
            self._events.append(json.loads(self._socket.recv()))
        raise RuntimeError(f"no {method} within {seconds} s")

    def open(self, path: Path, *, width: int = 1200, height: int = 900,
             mobile: bool = False) -> None:
        """Load the file ``path`` in a viewport of ``width`` × ``height`` CSS pixels."""
        self._events.clear()
        self.send("Network.enable")
        # Network access is cut: a report that needs anything from the net fails visibly.
        self.send("Network.emulateNetworkConditions", offline=True, latency=0,
                  downloadThroughput=-1, uploadThroughput=-1)
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)
        self.send("Page.navigate", url=path.resolve().as_uri())
        self._wait_for_event("Page.loadEventFired")

    def requests(self) -> list[str]:
        """Return the URL of every request the page made since it was opened."""
        return [event["params"]["request"]["url"] for event in self._events
                if event.get("method") == "Network.requestWillBeSent"]

    def failed_requests(self) -> list[str]:
        """Return the error text of every request that failed since the page was opened."""
        return [event["params"].get("errorText", "") for event in self._events
                if event.get("method") == "Network.loadingFailed"]

    def console_errors(self) -> list[str]:
        """Return console errors, uncaught exceptions and error log entries of the page."""
        errors = []
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                errors.append(" ".join(str(arg.get("value", "")) for arg in params["args"]))
            elif method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", ""))
        return errors

    def screenshot(self, path: Path) -> Path:
        """Save a PNG of the whole page (not only the viewport) to ``path``."""
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def evaluate(self, expression: str):
        """Return the JSON value of a JavaScript expression evaluated in the page."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        self._socket.close()
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        shutil.rmtree(self._profile, ignore_errors=True)
