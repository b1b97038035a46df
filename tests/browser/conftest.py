"""The browser-test harness: a live cluster (web server + real Celery worker) on
its own data folder, and Debian's headless Chromium driven by Playwright.

Later modules reuse ``live_cluster``, ``browser_page`` and ``axe_audit``.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveCluster:
    port: int
    data_dir: Path
    env: dict

    def url(self, host: str = "www", path: str = "/") -> str:
        return f"http://{host}.localhost:{self.port}{path}"

    def manage(self, *args: str, input: str | None = None) -> str:
        """Run a management command against the live cluster's database."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, input=input,
            capture_output=True, text=True, timeout=900,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-3000:])
        return result.stdout


@pytest.fixture(scope="session")
def live_cluster(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("live-cluster")
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": str(ROOT / "site"),
            "DJANGO_SETTINGS_MODULE": "govsite.settings.dev",
            "DEBUG": "false",
            "DATA_DIR": str(data_dir),
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "WAGTAILADMIN_BASE_URL": f"http://www.localhost:{port}",
            "CLUSTER_PUBLIC_PORT": str(port),
            # the harness stands where nginx stands: each test's browser is its own
            # citizen with its own address (see _citizen_headers), so the rate limits
            # and the captcha of one test never reach into the next
            "TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    for key in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(key, None)
    cluster = LiveCluster(port, data_dir, env)
    cluster.manage("migrate", "--noinput", "--verbosity", "0")
    cluster.manage("load_demo", "--articles", "4")
    cluster.manage("collectstatic", "--noinput", "--verbosity", "0")
    logs = open(data_dir / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "govsite", "worker", "--pool=solo", "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=open(data_dir / "worker.log", "w"), stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except Exception:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError((data_dir / "server.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        yield cluster
    finally:
        for proc in (server, worker):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


_citizens = itertools.count(1)


def _citizen_headers() -> dict:
    """A new client address (TEST-NET-2/3) for each browser context, as nginx would forward it."""
    n = next(_citizens)
    return {"X-Forwarded-For": f"198.51.{100 + n // 250 % 14}.{n % 250 + 1}"}


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", extra_http_headers=_citizen_headers()
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN",
        extra_http_headers=_citizen_headers(),
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_audit():
    """Run axe-core in the page and return the serious and critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def audit(page) -> list[dict]:
        results = axe.run(page)
        violations = results.response["violations"]
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]}
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]

    return audit


_last_step: dict[str, int] = {}


def admin_login(page, cluster: LiveCluster, username: str = "admin", password: str = "demo-2026-Gov!") -> None:
    """Sign in to the admin as a person does: the password, then the TOTP code an
    authenticator app would show for the demo device (accounts.demo_data's
    secret). A code counts once, so a second sign-in of the same user waits for
    the next 30-second step."""
    from django_otp.oath import TOTP

    from accounts.demo_data import DEMO_TOTP_KEY

    totp = TOTP(bytes.fromhex(DEMO_TOTP_KEY))
    while totp.t() <= _last_step.get(username, -1):
        time.sleep(1)
        totp.time = None  # the clock moves on
    page.goto(cluster.url("www", "/admin/login/"))
    page.locator("[name=username]").fill(username)
    page.locator("[name=password]").fill(password)
    page.locator("[name=password]").press("Enter")
    page.wait_for_url(lambda url: "/admin/otp/" in url)
    _last_step[username] = totp.t()
    page.get_by_label("动态验证码").fill(f"{totp.token():06d}")
    page.get_by_label("动态验证码").press("Enter")
    page.wait_for_url(lambda url: "/admin/otp/" not in url and "/admin/login/" not in url)
