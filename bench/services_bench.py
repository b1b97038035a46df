"""Online applying under load (issue 15): 20 concurrent applicants filing real
applications with their materials through the product's apply form, on
gunicorn (2 workers) over PostgreSQL and over the embedded defaults (SQLite).

    PYTHONPATH=site .venv/bin/python bench/services_bench.py                    # both, 20 s each
    PYTHONPATH=site .venv/bin/python bench/services_bench.py --databases sqlite --seconds 10
    PYTHONPATH=site .venv/bin/python bench/services_bench.py --profile          # also profile one submit

Each database is built from scratch in a temporary data folder: for PostgreSQL
a database ``services_bench`` (dropped and created again, and dropped at the
end) on the server ``bin/services-up`` starts (role govsite/govsite), with
Redis database 9 as cache and broker (flushed before and after), as in
production; for the embedded defaults SQLite, the file cache and the folder
broker. Then: migrations, the demo cluster (its 食品经营许可 item with four
required materials), and ``--citizens`` accounts registered and signed in
through the product's own services (``accounts.service.register_account`` and
``sign_in`` into the session store), and gunicorn with ``TRUSTED_PROXIES=127.0.0.1``.

Each of the ``--applicants`` threads plays citizen after citizen, each with its
own account and its own address (X-Forwarded-For, believed from 127.0.0.1
only): GET the form (CSRF cookie, one-time submit token), POST it with the four
materials (PDFs and a photo of 40–180 KB of incompressible bytes, like scans),
follow the redirect to the receipt page and read the receipt number and the
query code from it. The apply view's limit (30 POSTs a minute per address) and
every other guard stay on. After ``--seconds`` no new citizen starts; those
under way finish. Then the database is counted: every receipt shown has exactly
one application with its four materials, no account has two (0 lost, 0
duplicated), no application exists that no applicant was shown.

Printed: accepted applications per second, p50/p95 of the submit (POST to its
redirect) and of the whole citizen (form, submit, receipt), the CPU time the
gunicorn workers (and, for PostgreSQL, the database's server processes of this
database) spent per application, and the ratios between the databases.
``--profile`` runs one submit in-process under cProfile on the bench database
and prints where its time goes and how many queries it makes.

Targets (issue 15): at least 50 accepted per second and p95 < 1 s on PostgreSQL.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from benchlib import database_names, free_port, percentile

ROOT = Path(__file__).resolve().parents[1]
HOST = "www.localhost"
ITEM_TITLE = "食品经营许可"  # in the demo catalogue (市场监管局), four required materials
PG_ADMIN = "postgres://govsite:govsite@127.0.0.1:5432/govsite"
PG_DB = "services_bench"
REDIS = "redis://127.0.0.1:6379/9"  # no other bench or test uses it (interaction_bench 13, tests 15)
RATE_TARGET, P95_TARGET_MS = 50.0, 1000.0



# --- one database: build, serve, load, count ------------------------------------------


class Stack:
    def __init__(self, database: str, data: Path):
        self.database, self.data = database, data
        self.port = free_port()
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
        self.env = {k: v for k, v in os.environ.items() if k in keep}
        self.env.update({
            "PYTHONPATH": str(ROOT / "site"), "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false",
            "DATA_DIR": str(data), "TRUSTED_PROXIES": "127.0.0.1", "CELERY_TASK_ALWAYS_EAGER": "false",
            "SECRET_KEY": "services-bench-" + "x" * 40,
        })
        if database == "postgresql":
            self.env.update({"DATABASE_URL": PG_ADMIN.rsplit("/", 1)[0] + f"/{PG_DB}", "REDIS_URL": REDIS})
        self.procs: list[subprocess.Popen] = []

    def manage(self, *args: str, stdin: str | None = None) -> str:
        out = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, input=stdin,
                             capture_output=True, text=True, timeout=3600)
        if out.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)}:\n{out.stderr[-4000:]}")
        return out.stdout

    def python(self, script: str) -> str:
        return self.manage("shell", "--no-imports", "-c", script)

    def serve(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.procs.append(subprocess.Popen(
            [str(gunicorn), "--pythonpath", "site", "govsite.wsgi", "-w", "2", "-b", f"127.0.0.1:{self.port}",
             "--backlog", "256", "--timeout", "60"],
            cwd=ROOT, env=self.env, stdout=(self.data / "gunicorn.log").open("w"), stderr=subprocess.STDOUT))
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/banshi/query/", headers={"Host": HOST})
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn never answered:\n" + (self.data / "gunicorn.log").read_text()[-3000:])

    def workers(self) -> list[int]:
        master = self.procs[0].pid
        children = Path(f"/proc/{master}/task/{master}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        self.procs.clear()


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postgres_backends() -> list[int]:
    """The server processes serving this bench's database (their titles name it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if title.startswith("postgres:") and f" {PG_DB} " in title:
                pids.append(int(entry.name))
    return pids


PREPARE = r"""
import json, random
from importlib import import_module
from django.conf import settings
from django.test import RequestFactory
from accounts import service as accounts
from services.models import ServiceItemPage

item = ServiceItemPage.objects.live().get(title=ITEM_TITLE, locale__language_code="zh-hans")
materials = [{"id": m.pk, "name": m.name, "accept": m.accepted_kinds(), "required": m.required}
             for m in item.materials.all()]
fields = [{"key": f.key, "type": f.field_type, "choices": f.choice_list() if f.field_type == "choice" else []}
          for f in item.form_fields.all()]
citizens = []
factory = RequestFactory()
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
base = random.randrange(0, 90_000_000)  # a kept data folder may hold an earlier run's accounts
for n in range(COUNT):
    account = accounts.register_account(data={
        "kind": "natural", "phone": f"139{base + n:08d}", "name": f"测试{n}", "id_type": "resident_id",
        "id_number": "11010119900307803X", "email": f"c{n}@example.com"})
    request = factory.get("/", HTTP_HOST="www.localhost")
    request.session = SessionStore()
    accounts.sign_in(request, account.user)
    request.session.save()
    citizens.append({"session": request.session.session_key, "user": account.user_id})
print("JSON" + json.dumps({"item": item.pk, "materials": materials, "fields": fields, "citizens": citizens}))
"""

COUNT_ROWS = r"""
import json
from collections import Counter
from services.licensing.models import ApplicationMaterial, LicenceApplication
from formguard.models import SubmissionToken

users = set(USERS)
apps = list(LicenceApplication.objects.filter(account_id__in=users).values_list("receipt_number", "account_id"))
per_account = Counter(a for _n, a in apps)
materials = Counter(ApplicationMaterial.objects.filter(application__account_id__in=users)
                    .values_list("application__receipt_number", flat=True))
print("JSON" + json.dumps({
    "numbers": [n for n, _a in apps],
    "accounts_with_two": sum(1 for c in per_account.values() if c > 1),
    "materials": dict(materials),
    "tokens": SubmissionToken.objects.filter(scope="banshi").count(),
}))
"""

PROFILE = r"""
import cProfile, io, os, pstats, re, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from accounts import service as accounts
from services.models import ServiceItemPage

item = ServiceItemPage.objects.live().get(title=ITEM_TITLE, locale__language_code="zh-hans")
account = accounts.register_account(data={"kind": "natural", "phone": "13800000001", "name": "剖析",
    "id_type": "resident_id", "id_number": "11010119900307803X"})
client = Client(HTTP_HOST="www.localhost", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.250.0.1")
client.force_login(account.user, backend=accounts.PHONE_BACKEND)
BLOBS = {"pdf": b"%PDF-1.4\n" + os.urandom(60 * 1024), "jpg": b"\xff\xd8\xff\xe0" + os.urandom(150 * 1024),
         "png": b"\x89PNG\r\n\x1a\n" + os.urandom(150 * 1024)}
def post():
    page = client.get(f"/banshi/apply/{item.pk}/").content.decode()
    token = re.search(r'name="submit_token" value="([^"]+)"', page).group(1)
    data = {**FORM, "submit_token": token}
    for m in item.materials.all():
        if m.required:
            from django.core.files.uploadedfile import SimpleUploadedFile
            ext = "pdf" if "pdf" in m.accepted_kinds() else m.accepted_kinds()[0]
            data[f"m_{m.pk}"] = SimpleUploadedFile(f"m{m.pk}.{ext}", BLOBS[ext])
    return client.post(f"/banshi/apply/{item.pk}/", data)
post()  # warm
profiler = cProfile.Profile()
with CaptureQueriesContext(connection) as queries:
    started = time.perf_counter()
    profiler.enable()
    response = post()
    profiler.disable()
    took = time.perf_counter() - started
assert response.status_code == 302, response.status_code
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
stats.print_stats(r"(licensing|formguard|casefile|notify|accounts|django/core/files|django/db/models/base|"
                  r"django/contrib/sessions|django/template/response|storage|services/models)", 28)
print(f"form GET + submit POST in-process: {took * 1000:.1f} ms, {len(queries)} queries")
kinds = {}
for q in queries.captured_queries:
    word = q["sql"].split(None, 1)[0].upper()
    kinds[word] = kinds.get(word, 0) + 1
print("queries by kind:", kinds)
print(out.getvalue())
# where the time goes, whatever the code: the functions that spent most of it themselves
own = io.StringIO()
pstats.Stats(profiler, stream=own).sort_stats("tottime").print_stats(25)
print(own.getvalue())
by_area = {}
for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():
    area = next((a for a in ("django/template", "django/db", "sqlite3", "psycopg", "django/forms", "django/core/files",
                             "PIL", "pypdf", "hashlib", "wagtail", "django/contrib/sessions", "site-packages/django",
                             "site-packages") if a in filename), "the project and the standard library")
    by_area[area] = by_area.get(area, 0) + tottime
print("own time by area (ms):", {a: round(t * 1000, 1) for a, t in sorted(by_area.items(), key=lambda kv: -kv[1])})
"""


def _json_out(text: str) -> dict:
    line = next(ln for ln in text.splitlines() if ln.startswith("JSON"))
    return json.loads(line[4:])


def blobs() -> dict[str, bytes]:
    return {
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + os.urandom(60 * 1024) + b"\n%%EOF\n",
        "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(150 * 1024) + b"\xff\xd9",
        "png": b"\x89PNG\r\n\x1a\n" + os.urandom(150 * 1024),
    }


def form_fields(prepared: dict) -> dict[str, str]:
    data = {"applicant_kind": "natural", "name": "王小明", "id_type": "resident_id",
            "id_number": "11010119900307803X", "phone": "13912345678", "email": "xiaoming@example.com",
            "address": "敕勒川市新城区光明路12号", "website": "", "action": "submit"}
    for f in prepared["fields"]:
        value = {"number": "45", "choice": (f["choices"] or [""])[0], "checkbox": "on",
                 "date": "2026-12-01", "textarea": "无"}.get(f["type"], "小明便利店")
        data[f"f_{f['key']}"] = value
    return data


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "----bench" + os.urandom(12).hex()
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, body in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + body + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Load:
    """The applicants: threads playing citizen after citizen until the time is up."""

    def __init__(self, port: int, prepared: dict, *, applicants: int, seconds: float):
        self.port, self.prepared = port, prepared
        self.applicants, self.seconds = applicants, seconds
        self.lock = threading.Lock()
        self.next = 0
        self.blobs = blobs()
        self.fields = form_fields(prepared)
        self.submits: list[float] = []
        self.flows: list[float] = []
        self.receipts: list[tuple[str, int]] = []  # (receipt number, account)
        self.errors: list[str] = []
        self.rate_limited = 0

    def citizen(self) -> tuple[int, dict] | None:
        with self.lock:
            if self.next >= len(self.prepared["citizens"]):
                return None
            n = self.next
            self.next += 1
        return n, self.prepared["citizens"][n]

    def files(self) -> list[tuple[str, str, bytes]]:
        """One file per required material: PDFs, and a photo where a photo is accepted every other time."""
        out = []
        for i, m in enumerate(m for m in self.prepared["materials"] if m["required"]):
            ext = "jpg" if i % 2 and "jpg" in m["accept"] else next(e for e in ("pdf", "jpg", "png")
                                                                      if e in m["accept"])
            out.append((f"m_{m['id']}", f"{m['name'][:8]}.{ext}", self.blobs[ext]))
        return out

    def one(self, conn: http.client.HTTPConnection, n: int, citizen: dict) -> None:
        address = f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255 or 1}"
        cookies = {"sessionid": citizen["session"]}

        def headers(extra=None):
            h = {"Host": HOST, "X-Forwarded-For": address,
                 "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
            h.update(extra or {})
            return h

        def remember(response):
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    cookies[name.strip()] = rest.split(";", 1)[0]

        path = f"/banshi/apply/{self.prepared['item']}/"
        started = time.perf_counter()
        conn.request("GET", path, headers=headers())
        response = conn.getresponse()
        page = response.read().decode()
        remember(response)
        if response.status != 200:
            raise RuntimeError(f"form: {response.status}")
        token = re.search(r'name="submit_token" value="([^"]+)"', page).group(1)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body, content_type = multipart({"csrfmiddlewaretoken": csrf, "submit_token": token, **self.fields},
                                       self.files())
        submit_started = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers({
            "Content-Type": content_type, "Referer": f"http://{HOST}{path}", "Origin": f"http://{HOST}"}))
        response = conn.getresponse()
        answer = response.read().decode(errors="replace")
        remember(response)
        submitted = time.perf_counter()
        if response.status == 429:
            with self.lock:
                self.rate_limited += 1
            raise RuntimeError("rate limited")
        location = response.getheader("Location", "")
        if response.status != 302 or "/banshi/receipt/" not in location:
            found = re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', answer, re.S)
            raise RuntimeError(f"submit: {response.status} {location} {found[:3]}")
        conn.request("GET", urllib.parse.urlsplit(location).path, headers=headers())
        response = conn.getresponse()
        receipt = response.read().decode()
        remember(response)
        done = time.perf_counter()
        number = urllib.parse.unquote(location.rstrip("/").rsplit("/", 1)[-1])
        if response.status != 200 or number not in receipt or not re.search(r'class="query-code">\d{6}<', receipt):
            raise RuntimeError(f"receipt: {response.status}")
        with self.lock:
            self.submits.append((submitted - submit_started) * 1000)
            self.flows.append((done - started) * 1000)
            self.receipts.append((number, citizen["user"]))

    def worker(self, deadline: float) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        while time.perf_counter() < deadline:
            picked = self.citizen()
            if picked is None:
                with self.lock:
                    self.errors.append("out of prepared citizens")
                return
            try:
                self.one(conn, *picked)
            except Exception as exc:  # noqa: BLE001 - counted and shown, the run goes on
                with self.lock:
                    self.errors.append(str(exc)[:300])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.close()

    def run(self) -> float:
        started = time.perf_counter()
        deadline = started + self.seconds
        threads = [threading.Thread(target=self.worker, args=(deadline,)) for _ in range(self.applicants)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - started


def run_database(database: str, args) -> dict:
    data = Path(tempfile.mkdtemp(prefix=f"services-bench-{database}-"))
    if args.sqlite_from and database == "sqlite":  # a built SQLite data folder (--keep), copied: saves the build
        shutil.rmtree(data)
        shutil.copytree(args.sqlite_from, data, ignore=shutil.ignore_patterns("gunicorn.log"))
    stack = Stack(database, data)
    log = lambda msg: print(f"[{database}] {msg}", flush=True)  # noqa: E731
    owned = False  # the Redis database is flushed at the end only if it was found empty
    try:
        if database == "postgresql":
            _flush_redis(check_empty=True)
            owned = True
            _reset_postgres(create=True)
        started = time.perf_counter()
        if not (args.sqlite_from and database == "sqlite"):
            stack.manage("migrate", "--no-input", "-v", "0")
            stack.manage("load_demo", "--articles", "1", "-v", "0")
            log(f"migrations and demo cluster: {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        prepared = _json_out(stack.python(PREPARE.replace("ITEM_TITLE", repr(ITEM_TITLE))
                                          .replace("COUNT", str(args.citizens))))
        log(f"{len(prepared['citizens'])} accounts signed in: {time.perf_counter() - started:.0f} s ({data})")
        stack.serve()
        warm = Load(stack.port, {**prepared, "citizens": prepared["citizens"][:4]}, applicants=2, seconds=0.5)
        warm.run()  # each worker loads its templates and connections once; these citizens count too
        load = Load(stack.port, {**prepared, "citizens": prepared["citizens"][4:]},
                    applicants=args.applicants, seconds=args.seconds)
        workers = stack.workers()
        before = {pid: _cpu_seconds(pid) for pid in workers}
        pg_before = {pid: _cpu_seconds(pid) for pid in _postgres_backends()} if database == "postgresql" else {}
        own_before = time.process_time()
        elapsed = load.run()
        own_cpu = time.process_time() - own_before
        worker_cpu = sum(_cpu_seconds(pid) - before.get(pid, 0.0) for pid in workers)
        db_cpu = (sum(_cpu_seconds(pid) - pg_before.get(pid, 0.0) for pid in _postgres_backends())
                  if database == "postgresql" else 0.0)
        stack.stop()
        receipts = warm.receipts + load.receipts
        counted = _json_out(stack.python(COUNT_ROWS.replace("USERS", json.dumps([c["user"] for c in
                                                                                  prepared["citizens"]]))))
        shown = [n for n, _u in receipts]
        rows = counted["numbers"]
        required = sum(1 for m in prepared["materials"] if m["required"])
        result = {
            "database": database, "seconds": elapsed, "accepted": len(load.receipts),
            "rate": len(load.receipts) / elapsed if elapsed else 0.0,
            "submit_p50": percentile(load.submits, 50), "submit_p95": percentile(load.submits, 95),
            "flow_p50": percentile(load.flows, 50), "flow_p95": percentile(load.flows, 95),
            "errors": len(load.errors), "error_samples": sorted(set(load.errors))[:5],
            "rate_limited": load.rate_limited,
            "lost": len(set(shown) - set(rows)),
            "duplicated": (len(rows) - len(set(rows))) + counted["accounts_with_two"] + (len(shown) - len(set(shown))),
            "unshown": len(set(rows) - set(shown)),
            "short_of_materials": sum(1 for n in shown if counted["materials"].get(n, 0) != required),
            "worker_cpu_ms": worker_cpu * 1000 / max(len(load.receipts), 1),
            "db_cpu_ms": db_cpu * 1000 / max(len(load.receipts), 1),
            "loadgen_cpu_ms": own_cpu * 1000 / max(len(load.receipts), 1),
            "load": os.getloadavg()[0],
        }
        log(json.dumps({k: (round(v, 2) if isinstance(v, float) else v) for k, v in result.items()},
                       ensure_ascii=False))
        if args.profile:
            form = json.dumps(form_fields(prepared), ensure_ascii=False)
            script = f"FORM = {form}\n" + PROFILE.replace("ITEM_TITLE", repr(ITEM_TITLE))
            result["profile"] = stack.python(script)
            print(result["profile"], flush=True)
        return result
    finally:
        stack.stop()
        if owned:
            _reset_postgres(create=False)
            _flush_redis()
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)


def _reset_postgres(*, create: bool) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        if create:
            conn.execute(f"CREATE DATABASE {PG_DB}")


def _flush_redis(*, check_empty: bool = False) -> None:
    import redis

    db = redis.Redis.from_url(REDIS)
    if check_empty and db.dbsize():
        raise SystemExit(f"{REDIS} holds keys this bench did not write: refusing to flush it")
    db.flushdb()


def report(results: list[dict]) -> None:
    by = {r["database"]: r for r in results}
    names = list(by)  # every database that ran, in the order run, one column each
    label = {"postgresql": "PostgreSQL + Redis", "sqlite": "SQLite (embedded defaults)"}
    both = set(names) == {"postgresql", "sqlite"}
    rows = [
        ("accepted applications", "accepted", "{:.0f}", False),
        ("accepted / s", "rate", "{:.1f}", True),
        ("submit p50 ms", "submit_p50", "{:.0f}", False),
        ("submit p95 ms", "submit_p95", "{:.0f}", False),
        ("whole applicant p95 ms (form, submit, receipt)", "flow_p95", "{:.0f}", False),
        ("gunicorn CPU ms / application", "worker_cpu_ms", "{:.1f}", False),
        ("database server CPU ms / application", "db_cpu_ms", "{:.1f}", False),
        ("load generator CPU ms / application", "loadgen_cpu_ms", "{:.1f}", False),
        ("errors (of them 429)", "errors", "{}", False),
        ("lost / duplicated / never shown", "lost", "{}", False),
        ("load average at the end", "load", "{:.1f}", False),
    ]
    print()
    print("| | " + " | ".join(label.get(n, n) for n in names) + (" | PostgreSQL / SQLite |" if both else " |"))
    print("|---|" + "---|" * (len(names) + (1 if both else 0)))
    for title, key, fmt, _higher in rows:
        cells = []
        for n in names:
            r = by[n]
            if key == "lost":
                cells.append(f"{r['lost']} / {r['duplicated']} / {r['unshown']}")
            elif key == "errors":
                cells.append(f"{r['errors']} ({r['rate_limited']})")
            else:
                cells.append(fmt.format(r[key]))
        ratio = ""
        if both and key not in ("lost", "errors", "load"):
            a, b = by["postgresql"][key], by["sqlite"][key]
            ratio = f"{a / b:.2f}×" if b else "–"
        print(f"| {title} | " + " | ".join(cells) + (f" | {ratio} |" if both else " |"))
    print()
    for n in names:
        r = by[n]
        met = r["rate"] >= RATE_TARGET and r["submit_p95"] < P95_TARGET_MS
        ok = r["lost"] == r["duplicated"] == r["unshown"] == r["short_of_materials"] == 0
        print(f"{label.get(n, n)}: {r['rate']:.1f}/s, submit p95 {r['submit_p95']:.0f} ms "
              f"({'target met' if met else 'target (≥ 50/s, p95 < 1 s) not met'}); "
              f"{'0 lost, 0 duplicated' if ok else 'COUNT MISMATCH'}"
              f"{'; errors: ' + '; '.join(r['error_samples']) if r['errors'] else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--applicants", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--citizens", type=int, default=2500, help="accounts prepared (one per application)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the data folders")
    parser.add_argument("--sqlite-from", type=Path, help="start the SQLite run from a copy of this kept data folder")
    args = parser.parse_args()
    results = [run_database(d, args) for d in database_names(args.databases)]
    report(results)
    if any(r["lost"] or r["duplicated"] or r["unshown"] or r["short_of_materials"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
