"""The dynamic render, side by side with an earlier commit (issue 17), in one run:

    PYTHONPATH=site .venv/bin/python bench/render_bench.py [--baseline 2299c23] [--seconds 10] [--rounds 2]

The earlier commit is checked out with ``git worktree`` into a temporary folder
(``--baseline``; by default the last commit before the faster render). Each tree
gets its own demo cluster in its own data folder (SQLite, the folder broker,
DEBUG off, built with that tree's own code) and its own gunicorn (2 sync
workers, as in production). Then, for the portal's home page, a column and an
article:

- the queries one anonymous view makes (counted in-process through Django's
  test client, after a warm-up view);
- requests a second through gunicorn with wrk (16 connections, ``--seconds``
  each), the two trees taking turns page by page and round by round so that a
  change in the machine's load hits both alike; the best round counts.

Printed: a table per tree and the ratio current / baseline per page.
Target (issue 17): at most about 10 queries per page and at least 2x the rate.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_bench import HOST, free_port, wait, wrk  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "2299c23"  # the last commit before the faster render

PAGES = """
import json
from wagtail.models import Site
from cluster.models import ArticlePage
site = Site.objects.get(hostname="www.localhost")
a = ArticlePage.objects.live().descendant_of(site.root_page).order_by("-publish_date", "pk").first()
print(json.dumps({"home": "/", "column": a.get_parent().get_url_parts()[2], "article": a.get_url_parts()[2]}))
"""

COUNT = """
import json
from django.db import connection
from django.test import Client
client = Client(HTTP_HOST="%s")
out = {}
for name, path in json.loads(%r).items():
    client.get(path)
    seen = []
    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)
    with connection.execute_wrapper(record):
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    out[name] = {"queries": len(seen), "bytes": len(response.content)}
print(json.dumps(out))
"""


class Tree:
    def __init__(self, name: str, code: Path, data: Path):
        self.name, self.code, self.data = name, code, data
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
        self.env.update({
            "PYTHONPATH": str(code / "site"), "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false",
            "DATA_DIR": str(data), "CELERY_TASK_ALWAYS_EAGER": "true", "CLUSTER_PUBLIC_PORT": str(self.port),
        })
        self.server: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        out = subprocess.run([sys.executable, "manage.py", *args], cwd=self.code, env=self.env,
                             capture_output=True, text=True, timeout=3600)
        if out.returncode:
            raise RuntimeError(f"{self.name}: manage.py {args[0]}: {out.stderr[-3000:]}")
        return out.stdout

    def build(self) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code).strip().splitlines()[-1]

    def start(self) -> None:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.server = subprocess.Popen(
            [gunicorn, "govsite.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=self.code, env=self.env, stdout=(self.data / "gunicorn.log").open("w"), stderr=subprocess.STDOUT,
        )
        wait(self.port)

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=BASELINE, help="the commit to compare with")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: bin/system-packages installs it")

    tmp = Path(tempfile.mkdtemp(prefix="render-bench-"))
    worktree = tmp / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.baseline], cwd=ROOT, check=True,
                   capture_output=True)
    trees = [Tree(f"baseline {args.baseline}", worktree, tmp / "data-baseline"), Tree("current", ROOT, tmp / "data-current")]
    try:
        for tree in trees:
            print(f"[{tree.name}] building the demo cluster …", flush=True)
            tree.build()
        pages = json.loads(trees[1].shell(PAGES))
        counts = {t.name: json.loads(t.shell(COUNT % (HOST, json.dumps(pages)))) for t in trees}
        for tree in trees:
            tree.start()
        rates: dict[str, dict[str, float]] = {t.name: {} for t in trees}
        for _ in range(args.rounds):
            for page, path in pages.items():
                for tree in trees:
                    wrk(tree.port, path, 2, args.connections)  # warm both workers
                    rate = wrk(tree.port, path, args.seconds, args.connections)
                    rates[tree.name][page] = max(rate, rates[tree.name].get(page, 0.0))
                    print(f"  {tree.name:<20} {page:<8} {rate:8.1f} req/s", flush=True)
    finally:
        for tree in trees:
            tree.stop()
        subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, capture_output=True)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    base, cur = trees[0].name, trees[1].name
    print(f"\nDynamic render through gunicorn (2 workers), wrk {args.connections} connections, "
          f"{args.seconds} s, best of {args.rounds} rounds; load average {os.getloadavg()[0]:.2f}\n")
    print("| page | path | queries (baseline → current) | req/s baseline | req/s current | ratio |")
    print("|---|---|---|---|---|---|")
    for page, path in pages.items():
        print(f"| {page} | `{path}` | {counts[base][page]['queries']} → {counts[cur][page]['queries']} "
              f"| {rates[base][page]:.1f} | {rates[cur][page]:.1f} | {rates[cur][page] / rates[base][page]:.2f}× |")
    print()
    for page in pages:
        print(f"{page}: current renders {rates[cur][page] / rates[base][page]:.2f}× the baseline's requests a second "
              f"with {counts[cur][page]['queries']} queries instead of {counts[base][page]['queries']}")


if __name__ == "__main__":
    main()
