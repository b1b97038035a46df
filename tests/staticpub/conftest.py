"""The production shape on one machine: gunicorn, a real Celery worker and nginx
in front, serving the static tree (the README's production section)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Response:
    status: int
    body: str
    headers: dict


@dataclass
class Stack:
    nginx_port: int
    app_port: int
    data_dir: Path
    env: dict

    @property
    def live(self) -> Path:
        return self.data_dir / "published" / "live"

    def get(self, host: str, path: str, *, port: int | None = None, method: str = "GET") -> Response:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port or self.nginx_port}{path}", method=method, headers={"Host": host},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return Response(r.status, r.read().decode("utf-8", "replace"), dict(r.headers))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read().decode("utf-8", "replace"), dict(e.headers))

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stdout[-2000:] + result.stderr[-3000:])
        return result.stdout

    def python(self, code: str) -> str:
        return self.manage("shell", "-c", code)


def _wait_http(port: int, proc, log: Path, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text()[-3000:]) from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def static_stack(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("static-stack")
    app_port, nginx_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env.update({
        "PYTHONPATH": str(ROOT / "site"), "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false",
        "DATA_DIR": str(data_dir), "CELERY_TASK_ALWAYS_EAGER": "false",
        "STATIC_PUBLISH_ROOT": str(data_dir / "published"), "CLUSTER_PUBLIC_PORT": str(nginx_port),
        "TRUSTED_PROXIES": "127.0.0.1",
    })
    stack = Stack(nginx_port, app_port, data_dir, env)
    stack.manage("migrate", "--noinput", "--verbosity", "0")
    stack.manage("load_demo", "--articles", "3")
    stack.manage("collectstatic", "--noinput", "--verbosity", "0")
    stack.manage("publish_static")
    conf = data_dir / "nginx.conf"
    stack.manage("nginx_config", "--standalone", "--prefix", str(data_dir / "nginx"), "--listen",
                 f"127.0.0.1:{nginx_port}", "--upstream", f"127.0.0.1:{app_port}", "--output", str(conf))
    procs = []
    logs = {name: data_dir / f"{name}.log" for name in ("gunicorn", "worker", "nginx")}
    try:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "govsite.wsgi", "-b", f"127.0.0.1:{app_port}", "-w", "2"],
            cwd=ROOT, env=env, stdout=logs["gunicorn"].open("w"), stderr=subprocess.STDOUT,
        ))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "govsite", "worker", "--pool=solo", "--loglevel=INFO",
             "--without-heartbeat", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=env, stdout=logs["worker"].open("w"), stderr=subprocess.STDOUT,
        ))
        procs.append(subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(data_dir / "nginx"), "-g", "daemon off;"],
            stdout=logs["nginx"].open("w"), stderr=subprocess.STDOUT,
        ))
        _wait_http(app_port, procs[0], logs["gunicorn"])
        _wait_http(nginx_port, procs[2], logs["nginx"])
        yield stack
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
