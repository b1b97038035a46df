"""Static publishing benchmark (issue 17), in one run on this machine:

    PYTHONPATH=site .venv/bin/python bench/static_bench.py [--seconds 10] [--connections 16] [--publishes 20]

Builds the demo cluster in a temporary folder (SQLite, the folder broker), writes
the static tree (``publish_static``), and starts gunicorn (2 workers, DEBUG off),
a real Celery worker and nginx as the production section of the README does.
Then, with wrk (16 connections):

- nginx serving the static tree: the portal home page, a column and an article;
- nginx serving the same bytes saved by hand in a plain folder (the ceiling);
- gunicorn rendering the same pages (the dynamic render);
- time from the final approval (``cluster.workflows.publish_approved``) to the
  changed file on disk, median and maximum over ``--publishes`` publishes.

Targets: the tree at least 0.8x the hand-saved files; approval to file within 5 s.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchlib import free_port

ROOT = Path(__file__).resolve().parents[1]
HOST = "www.localhost"


class Stack:
    def __init__(self, data: Path):
        self.data = data
        self.app_port, self.nginx_port, self.plain_port = free_port(), free_port(), free_port()
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
        self.env.update({
            "PYTHONPATH": str(ROOT / "site"), "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false",
            "DATA_DIR": str(data), "CELERY_TASK_ALWAYS_EAGER": "false",
            "STATIC_PUBLISH_ROOT": str(data / "published"), "CLUSTER_PUBLIC_PORT": str(self.nginx_port),
        })
        self.procs: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        out = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
                             capture_output=True, text=True, timeout=1800)
        if out.returncode:
            raise RuntimeError(out.stderr[-3000:])
        return out.stdout

    def start(self, *cmd, log: str):
        self.procs.append(subprocess.Popen(list(cmd), cwd=ROOT, env=self.env,
                                           stdout=(self.data / log).open("w"), stderr=subprocess.STDOUT))

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


def wait(port: int, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"port {port} never answered")


def wrk(port: int, path: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", f"Host: {HOST}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{path}: {non2xx.group(1)} error responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


PICK = """
import json
from wagtail.models import Site
from cluster.models import ArticlePage
site = Site.objects.get(hostname="www.localhost")
a = ArticlePage.objects.live().descendant_of(site.root_page).order_by("-publish_date", "pk").first()
print(json.dumps({"article": a.get_url_parts()[2], "column": a.get_parent().get_url_parts()[2], "pk": a.pk}))
"""

PUBLISH = """
import json, time
from pathlib import Path
from django.conf import settings
from django.contrib.auth import get_user_model
from cluster.models import ArticlePage
from cluster.workflows import publish_approved
signer = get_user_model().objects.filter(is_superuser=True).first()
target = Path(settings.STATIC_PUBLISH_ROOT) / "live" / "www.localhost" / "{path}".strip("/") / "index.html"
times = []
for n in range({count}):
    article = ArticlePage.objects.get(pk={pk})
    title = f"静态发布计时 第{{n}}次 {{time.time():.0f}}"
    article.title = title
    article.save_revision(user=signer)
    class State:
        content_object = article
    start = time.time()
    publish_approved(State(), user=signer)
    while title not in target.read_text(encoding="utf-8"):
        if time.time() - start > 30:
            raise SystemExit("not written within 30 s")
        time.sleep(0.02)
    times.append(time.time() - start)
print(json.dumps(times))
"""

PLAIN_CONF = """
user {user}; pid {p}/plain.pid; error_log {p}/plain-error.log; worker_processes auto;
events {{ worker_connections 4096; }}
http {{ include /etc/nginx/mime.types; access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path {p}/tmp/body; proxy_temp_path {p}/tmp/proxy; fastcgi_temp_path {p}/tmp/fastcgi;
  uwsgi_temp_path {p}/tmp/uwsgi; scgi_temp_path {p}/tmp/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; charset utf-8; }} }}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--publishes", type=int, default=20)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="static-bench-"))
    stack = Stack(data)
    try:
        print("building the demo cluster and the static tree ...", flush=True)
        stack.manage("migrate", "--noinput", "--verbosity", "0")
        stack.manage("load_demo", "--articles", "12")
        stack.manage("collectstatic", "--noinput", "--verbosity", "0")
        stack.manage("publish_static")
        pages = json.loads(stack.manage("shell", "-c", PICK).strip().splitlines()[-1])
        paths = {"home": "/", "column": pages["column"], "article": pages["article"]}
        conf = data / "nginx.conf"
        stack.manage("nginx_config", "--standalone", "--prefix", str(data / "nginx"),
                     "--listen", f"127.0.0.1:{stack.nginx_port}", "--upstream", f"127.0.0.1:{stack.app_port}",
                     "--output", str(conf))
        # the same bytes saved by hand, served by a plain nginx
        plain = data / "plain"
        live = data / "published" / "live" / HOST
        for path in paths.values():
            target = plain / path.strip("/") / "index.html" if path != "/" else plain / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(live / path.strip("/") / "index.html" if path != "/" else live / "index.html", target)
        (data / "plain.conf").write_text(PLAIN_CONF.format(user=getpass.getuser(), p=data / "nginx", port=stack.plain_port, root=plain))
        stack.start(sys.executable, "-m", "gunicorn", "govsite.wsgi", "-b", f"127.0.0.1:{stack.app_port}", "-w", "2",
                    log="gunicorn.log")
        stack.start(sys.executable, "-m", "celery", "-A", "govsite", "worker", "--pool=solo", "--loglevel=WARNING",
                    "--without-heartbeat", "--without-gossip", "--without-mingle", log="worker.log")
        stack.start("/usr/sbin/nginx", "-c", str(conf), "-p", str(data / "nginx"), "-g", "daemon off;", log="nginx.log")
        stack.start("/usr/sbin/nginx", "-c", str(data / "plain.conf"), "-p", str(data / "nginx"), "-g", "daemon off;",
                    log="plain.log")
        for port in (stack.app_port, stack.nginx_port, stack.plain_port):
            wait(port)
        rows = []
        for name, path in paths.items():
            tree = wrk(stack.nginx_port, path, args.seconds, args.connections)
            by_hand = wrk(stack.plain_port, path, args.seconds, args.connections)
            dynamic = wrk(stack.app_port, path, args.seconds, args.connections)
            rows.append((name, path, tree, by_hand, dynamic))
        latencies = json.loads(stack.manage("shell", "-c", PUBLISH.format(
            path=pages["article"], pk=pages["pk"], count=args.publishes)).strip().splitlines()[-1])
    finally:
        stack.stop()
        shutil.rmtree(data, ignore_errors=True)

    print(f"\nwrk, {args.connections} connections, {args.seconds} s each; requests per second\n")
    print(f"{'page':8} {'static tree':>12} {'saved by hand':>14} {'tree/hand':>10} {'gunicorn':>10} {'tree/gunicorn':>14}")
    for name, _path, tree, by_hand, dynamic in rows:
        print(f"{name:8} {tree:12,.0f} {by_hand:14,.0f} {tree / by_hand:10.2f} {dynamic:10,.1f} {tree / dynamic:14,.0f}")
    ms = [t * 1000 for t in latencies]
    print(f"\napproval -> changed file on disk over {len(ms)} publishes: "
          f"median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms (target: within 5,000 ms)")
    worst = min(tree / by_hand for _n, _p, tree, by_hand, _d in rows)
    print(f"lowest tree/hand ratio {worst:.2f} (target >= 0.80)")


if __name__ == "__main__":
    main()
