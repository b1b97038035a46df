"""Case kernel benchmark: the officers' queue and the applicant's status query
with 100,000 依申请公开 requests, on SQLite and on PostgreSQL.

    PYTHONPATH=site .venv/bin/python bench/case_bench.py                  # both databases
    PYTHONPATH=site .venv/bin/python bench/case_bench.py --cases 20000 --databases sqlite

Each database is built from scratch in its own process: a throwaway SQLite file
in a temporary folder, and for PostgreSQL a database ``case_bench`` that is
dropped and created again (``--pg postgres://postgres@127.0.0.1:5432``). Both get
the demo cluster (its sites, organisations and officers), 40 more organisations
and N requests (seed 2026): 10,500 in 市发展改革委 (the organisation of the issue's
18-second queue), the rest spread over the others; 55 % still open (submitted,
in 补正, accepted, in consultation), the others answered or closed; received
over the last 200 days; stored clock state computed by the kernel.

Timed (warm, then ``--repeat`` times each):
- the queue page ``GET /admin/yisqgk/`` through Django's test client, the whole
  response (Wagtail's admin chrome included): an officer of 市发展改革委 (its
  10,500 requests) with the default view, red only, sorted by colour, page 40,
  one status; a supervisor (all 100,000) with the default view, one organisation,
  red only, sorted by colour, page 400;
- the status query: ``service.find_request`` (receipt number → row, HMAC of the
  query code), and the whole ``POST /yisqgk/status/`` page;
- once: re-dating every open case after a calendar edit (``redate_open_cases``)
  and the daily colour refresh (``refresh_colours``).

Targets (issue 14): queue page p95 < 200 ms, status query p95 < 20 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchlib import percentiles

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026
FGW = "11150100MB0000102B"
FGW_SHARE = 10_500
QUEUE_TARGET_MS, STATUS_TARGET_MS = 200.0, 20.0
CODE = "260928"


# --- one database, in its own process -------------------------------------------------
def setup_django(database_url: str, data_dir: Path) -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "govsite.settings.test"
    os.environ["DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def build(n: int, log) -> dict:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from casefile import references
    from cluster.models import Organisation
    from disclosure.applications.constants import STOP_LIMITS, Status, StopReason
    from disclosure.applications.models import DisclosureRequest
    from workdays.service import Calendar

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"migrate {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("load_demo", articles=1, verbosity=0)
    log(f"demo cluster {time.perf_counter() - started:.0f} s")
    for i in range(40):
        Organisation.objects.get_or_create(code=f"BENCH{i:03d}", defaults={"name": f"测试机关{i:03d}"})
    fgw = Organisation.objects.get(code=FGW)
    others = list(Organisation.objects.exclude(pk=fgw.pk))
    rng = random.Random(SEED)
    today = timezone.localdate()
    calendar = Calendar()
    hmac_key = references.hash_query_code  # the real HMAC for every row, as submit_request does
    statuses = ([Status.ACCEPTED] * 30 + [Status.SUBMITTED] * 10 + [Status.CORRECTION] * 8
                + [Status.CONSULTING] * 7 + [Status.ANSWERED] * 40 + [Status.CLOSED] * 5)
    started = time.perf_counter()
    batch, numbers = [], []
    for i in range(n):
        received = today - timedelta(days=rng.randint(0, 200))
        status = rng.choice(statuses)
        number = references.new_receipt_number("YSQ", day=received)
        req = DisclosureRequest(
            organisation=fgw if i < FGW_SHARE else rng.choice(others), receipt_number=number,
            query_code_hash=hmac_key(number, CODE), status=status, received_on=received,
            submitted_at=timezone.make_aware(datetime.combine(received, datetime.min.time())),
            applicant_kind="natural", name=f"申请人{i}", id_type="resident_id", id_number="11010119900307803X",
            phone="13912345678", description=f"基准测试申请 {i}", preferred_form="electronic", delivery="post",
            address="敕勒川市", language="zh-hans",
        )
        clock = req.start_clock(received, calendar=calendar)
        if status == Status.CORRECTION:
            clock.interrupt(min(received + timedelta(days=2), today), reason=StopReason.CORRECTION,
                            applicant_due=today + timedelta(days=rng.randint(-5, 20)))
        elif status == Status.CONSULTING:
            clock.suspend(min(received + timedelta(days=3), today), reason=StopReason.THIRD_PARTY,
                          limit=STOP_LIMITS[StopReason.THIRD_PARTY])
        if status in (Status.ANSWERED, Status.CLOSED):
            req.outcome = "grant" if status == Status.ANSWERED else "other_other"
            req.answered_at = req.submitted_at + timedelta(days=rng.randint(1, 30))
        req.store_clock(clock, today=today, calendar=calendar)
        batch.append(req)
        if len(numbers) < 2000 and rng.random() < 0.05:
            numbers.append(number)
        if len(batch) == 5000:
            with transaction.atomic():
                DisclosureRequest.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        DisclosureRequest.objects.bulk_create(batch)
    log(f"{n:,} requests {time.perf_counter() - started:.0f} s")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a database in use has them
    return {"numbers": numbers}


def time_queue(repeat: int, log) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cluster.models import Organisation

    User = get_user_model()
    officer, supervisor = User.objects.get(username="fgw_editor"), User.objects.get(username="admin")
    some_org = Organisation.objects.get(code="BENCH007").pk
    views = [
        ("officer", officer, {}),
        ("officer", officer, {"colour": "red"}),
        ("officer", officer, {"sort": "colour"}),
        ("officer", officer, {"p": "40"}),
        ("officer", officer, {"status": "correction"}),
        ("supervisor", supervisor, {}),
        ("supervisor", supervisor, {"organisation": str(some_org)}),
        ("supervisor", supervisor, {"colour": "red"}),
        ("supervisor", supervisor, {"sort": "colour"}),
        ("supervisor", supervisor, {"p": "400"}),
    ]
    results = {}
    for who, user, params in views:
        client = Client()
        client.force_login(user)
        response = client.get("/admin/yisqgk/", params, HTTP_HOST="www.localhost")  # warm
        assert response.status_code == 200, response.status_code
        queries = []  # (each request start resets Django's own query log)
        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get("/admin/yisqgk/", params, HTTP_HOST="www.localhost")
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get("/admin/yisqgk/", params, HTTP_HOST="www.localhost")
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        label = f"queue: {who} " + (" ".join(f"{k}={v}" for k, v in params.items()) or "default")
        results[label] = {**percentiles(samples), "queries": len(queries)}
        log(f"{label}: p50 {results[label]['p50']:.1f} ms, p95 {results[label]['p95']:.1f} ms, "
            f"{len(queries)} queries")
    return results


def time_status(numbers: list[str], repeat: int, log) -> dict:
    from django.test import Client, RequestFactory

    from disclosure.applications import service

    rf = RequestFactory()
    lookups, pages = [], []
    rng = random.Random(SEED)
    for i in range(repeat * 2):
        number = rng.choice(numbers)
        request = rf.post("/yisqgk/status/", REMOTE_ADDR=f"127.1.{i // 250}.{i % 250 + 1}")
        started = time.perf_counter()
        found = service.find_request(request, receipt_number=number, query_code=CODE)
        lookups.append((time.perf_counter() - started) * 1000)
        assert found is not None and found.receipt_number == number
    client = Client()
    client.get("/yisqgk/status/", HTTP_HOST="fgw.localhost")
    for i in range(repeat):
        number = rng.choice(numbers)
        started = time.perf_counter()
        response = client.post("/yisqgk/status/", {"receipt_number": number, "query_code": CODE},
                               HTTP_HOST="fgw.localhost", REMOTE_ADDR=f"127.2.{i // 250}.{i % 250 + 1}")
        pages.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and number in response.content.decode()
    out = {"status query: find_request": percentiles(lookups), "status page: POST /yisqgk/status/": percentiles(pages)}
    for label, figures in out.items():
        log(f"{label}: p50 {figures['p50']:.2f} ms, p95 {figures['p95']:.2f} ms")
    return out


def time_batch_jobs(log) -> dict:
    from casefile import supervision
    from disclosure.applications.models import DisclosureRequest

    open_cases = DisclosureRequest.objects.exclude(colour="").count()
    started = time.perf_counter()
    supervision.redate_open_cases(None)
    redate = time.perf_counter() - started
    started = time.perf_counter()
    supervision.refresh_colours(notify=False)
    colours = time.perf_counter() - started
    log(f"re-dating {open_cases:,} open cases {redate:.1f} s; colour refresh {colours * 1000:.0f} ms")
    return {"open_cases": open_cases, "redate_s": redate, "colours_ms": colours * 1000}


def worker(database: str, n: int, repeat: int, pg: str) -> dict:
    def log(text):
        print(f"[{database}] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="case-bench-") as tmp:
        tmp = Path(tmp)
        if database == "sqlite":
            url = f"sqlite:///{tmp / 'bench.sqlite3'}"
        else:
            import psycopg

            with psycopg.connect(f"{pg}/postgres", autocommit=True) as admin:
                admin.execute("DROP DATABASE IF EXISTS case_bench")
                admin.execute("CREATE DATABASE case_bench")
            url = f"{pg}/case_bench"
        setup_django(url, tmp / "data")
        built = build(n, log)
        figures = {**time_queue(repeat, log), **time_status(built["numbers"], repeat, log)}
        jobs = time_batch_jobs(log)
    if database == "postgresql":
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{pg}/postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS case_bench")
    return {"figures": figures, "jobs": jobs}


# --- both, side by side ------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per measurement")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.cases, args.repeat, args.pg)))
        return
    results = {}
    for database in args.databases.split(","):
        done = subprocess.run(
            [sys.executable, __file__, "--worker", database, "--cases", str(args.cases), "--repeat", str(args.repeat),
             "--pg", args.pg], stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT,
        )
        results[database] = json.loads(done.stdout.strip().splitlines()[-1])
    databases = list(results)
    print(f"\n{args.cases:,} requests ({FGW_SHARE:,} in 市发展改革委), {args.repeat} timed requests each; ms")
    header = f"{'':44}" + "".join(f"{db + ' p50':>16}{db + ' p95':>16}" for db in databases) + f"{'target':>9}" + \
        "".join(f"{'p95/target ' + db[:6]:>19}" for db in databases)
    print(header)
    for label in results[databases[0]]["figures"]:
        target = QUEUE_TARGET_MS if label.startswith("queue") else STATUS_TARGET_MS
        if label.startswith("status page"):
            target = None
        row = f"{label:44}"
        for db in databases:
            f = results[db]["figures"][label]
            row += f"{f['p50']:16.1f}{f['p95']:16.1f}"
        row += f"{(f'< {target:.0f}' if target else '—'):>9}"
        for db in databases:
            f = results[db]["figures"][label]
            row += f"{f['p95'] / target:19.2f}" if target else f"{'—':>19}"
        print(row)
    for db in databases:
        q = {k: v.get("queries") for k, v in results[db]["figures"].items() if v.get("queries")}
        jobs = results[db]["jobs"]
        print(f"{db}: queries per queue page {min(q.values())}–{max(q.values())}; re-dating "
              f"{jobs['open_cases']:,} open cases {jobs['redate_s']:.1f} s; colour refresh {jobs['colours_ms']:.0f} ms")


if __name__ == "__main__":
    main()
