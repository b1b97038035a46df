"""Online services at scale: the status query and the supervisors' view (电子监察
of the online services) with 100,000 licensing applications, on SQLite and on
PostgreSQL.

    PYTHONPATH=site .venv/bin/python bench/services_scale_bench.py                 # both databases
    PYTHONPATH=site .venv/bin/python bench/services_scale_bench.py --cases 20000 --databases sqlite

Each database is built from scratch in its own process (a throwaway SQLite
file; for PostgreSQL a database ``services_scale_bench`` dropped and created
again, ``--pg postgres://postgres@127.0.0.1:5432``): the demo cluster with its
item catalogue, then N applications (seed 2026) with ``bulk_create`` over the
catalogue's items and their departments, received over the last 300 days:
45 % open (submitted, 补正, accepted, in review, special procedure, decided;
their clocks computed by the kernel, so some are red), 45 % finished (办结,
85 % of them on time), the rest rejected or withdrawn; 2 % of all with a late
补正 notice, a few refusals without a ground; 60 % of the finished rated
(8 % poorly, each with its follow-up, some overdue).

Timed (warm, then ``--repeat`` times each):
- the status query: licensing's ``service.find_application`` (receipt number →
  row, HMAC of the query code, the kernel's per-address limit), and the whole
  ``POST /banshi/query/`` page;
- the supervisors' view ``GET /admin/banshi/jiancha/`` through Django's test
  client (Wagtail's admin chrome included), its xlsx export, and the public
  statistics page ``GET /banshi/pingjia/tongji/``.

Targets (issue 15): status query p95 < 20 ms, supervisors' view p95 < 300 ms.
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

from benchlib import database_names, percentiles

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026
CODE = "260928"
STATUS_TARGET_MS, SUPERVISION_TARGET_MS = 20.0, 300.0


def setup_django(database_url: str, data_dir: Path) -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "govsite.settings.test"
    os.environ["DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def _aware(day, hour=10):
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def build(n: int, log) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from casefile import references
    from services.feedback.models import FollowUp, Rating
    from services.licensing.constants import RECEIPT_PREFIX, StopReason
    from services.licensing.constants import Status as S
    from services.licensing.models import LicenceApplication
    from services.models import ServiceItemPage
    from workdays.service import Calendar, Limit, Unit, add_days

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"migrate {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("load_demo", articles=1, verbosity=0)
    log(f"demo cluster {time.perf_counter() - started:.0f} s")
    items = list(ServiceItemPage.objects.filter(locale__language_code="zh-hans").select_related("organisation"))
    rng = random.Random(SEED)
    today = timezone.localdate()
    calendar = Calendar()
    statuses = ([S.SUBMITTED] * 6 + [S.CORRECTION] * 5 + [S.ACCEPTED] * 10 + [S.REVIEWING] * 16 + [S.SPECIAL] * 3
                + [S.DECIDED] * 5 + [S.COMPLETED] * 45 + [S.REJECTED] * 6 + [S.WITHDRAWN] * 4)
    started = time.perf_counter()
    batch, numbers = [], []

    def flush():
        with transaction.atomic():
            LicenceApplication.objects.bulk_create(batch, batch_size=2000)
        batch.clear()

    for i in range(n):
        item = rng.choice(items)
        received = today - timedelta(days=rng.randint(2, 300))  # accepted the next day, by yesterday
        status = rng.choice(statuses)
        number = references.new_receipt_number(RECEIPT_PREFIX, day=received)
        app = LicenceApplication(
            organisation=item.organisation, item=item, item_code=item.item_code, item_title=item.title,
            receipt_number=number, query_code_hash=references.hash_query_code(number, CODE), status=status,
            received_on=received, submitted_at=_aware(received, 9), applicant_kind="natural", name=f"申请人{i}",
            id_type="resident_id", id_number="11010119900307803X", phone="13912345678", language="zh-hans",
            correction_late=rng.random() < 0.02,
        )
        if app.correction_late:
            app.correction_sent_on = received + timedelta(days=9)
        if status not in (S.SUBMITTED, S.CORRECTION, S.REJECTED, S.WITHDRAWN):
            app.accepted_on = received + timedelta(days=1)
        if status in (S.SUBMITTED, S.CORRECTION):
            clock = app.start_clock(received, Limit(5, Unit.WORKING), calendar=calendar)
            if status == S.CORRECTION:
                clock.interrupt(min(received + timedelta(days=2), today), reason=StopReason.CORRECTION,
                                applicant_due=today + timedelta(days=rng.randint(-3, 15)))
                app.store_clock(clock, today=today, calendar=calendar)
        elif status in (S.ACCEPTED, S.REVIEWING, S.SPECIAL, S.DECIDED):
            clock = app.start_clock(app.accepted_on, calendar=calendar)
            if status == S.SPECIAL:
                clock.suspend(min(app.accepted_on + timedelta(days=5), today), reason=StopReason.EXPERT_REVIEW,
                              limit=Limit(15, Unit.WORKING))
            app.store_clock(clock, today=today, calendar=calendar)
        elif status == S.COMPLETED:
            used = rng.randint(3, 26)
            app.decision, app.decided_on_time = "granted", used <= 20
            app.completed_at = min(_aware(received + timedelta(days=used + used // 5 * 2), 16),
                                   _aware(today - timedelta(days=1), 16))
            app.decided_at = app.completed_at
        elif status == S.REJECTED:
            app.rejection_reason = "" if rng.random() < 0.05 else "不属于本机关职权范围"
        batch.append(app)
        if len(numbers) < 2000 and rng.random() < 0.05:
            numbers.append(number)
        if len(batch) >= 5000:
            flush()
    flush()
    log(f"{n:,} applications {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    ratings = []
    finished = LicenceApplication.objects.filter(status=S.COMPLETED, rating__isnull=True).values_list(
        "pk", "organisation_id", "item_code", "completed_at")
    for pk, org, code, done in finished.iterator():
        if rng.random() < 0.6:
            level = rng.choices([5, 4, 3, 2, 1], weights=[55, 25, 12, 5, 3])[0]
            ratings.append(Rating(application_id=pk, organisation_id=org, item_code=code, level=level,
                                  created=done + timedelta(days=1)))
    with transaction.atomic():
        Rating.objects.bulk_create(ratings, batch_size=2000)
        followups = []
        for rating in Rating.objects.filter(level__lte=2, followup__isnull=True).only("pk", "organisation_id", "created"):
            opened = timezone.localdate(rating.created)
            due = add_days(start=opened, days=10, unit=Unit.WORKING, calendar=calendar)
            followups.append(FollowUp(rating_id=rating.pk, organisation_id=rating.organisation_id, opened_on=opened,
                                      limit_days=10, due_on=due.due, due_known=due.known,
                                      closed_on=opened + timedelta(days=5) if rng.random() < 0.7 else None))
        FollowUp.objects.bulk_create(followups, batch_size=2000)
    log(f"{len(ratings):,} ratings, {len(followups):,} follow-ups {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        # planner statistics and (PostgreSQL) the visibility map, as autovacuum keeps them in a database in use
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"numbers": numbers}


def time_status(numbers: list[str], repeat: int, log) -> dict:
    from django.test import Client, RequestFactory

    from services.licensing import service

    rf = RequestFactory()
    lookups, pages = [], []
    rng = random.Random(SEED)
    for i in range(repeat * 2):
        number = rng.choice(numbers)
        request = rf.post("/banshi/query/", REMOTE_ADDR=f"127.1.{i // 250}.{i % 250 + 1}")
        started = time.perf_counter()
        found = service.find_application(request, receipt_number=number, query_code=CODE)
        lookups.append((time.perf_counter() - started) * 1000)
        assert found is not None and found.receipt_number == number
    client = Client()
    client.get("/banshi/query/", HTTP_HOST="www.localhost")
    for i in range(repeat):
        number = rng.choice(numbers)
        started = time.perf_counter()
        response = client.post("/banshi/query/", {"receipt_number": number, "query_code": CODE},
                               HTTP_HOST="www.localhost", REMOTE_ADDR=f"127.2.{i // 250}.{i % 250 + 1}",
                               follow=True)
        pages.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and number in response.content.decode()
    out = {"status query: find_application": percentiles(lookups),
           "status page: POST /banshi/query/": percentiles(pages)}
    for label, figures in out.items():
        log(f"{label}: p50 {figures['p50']:.2f} ms, p95 {figures['p95']:.2f} ms")
    return out


def _supervisor_client():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username="admin")
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # what typing the TOTP code does
    session.save()
    return client


def time_pages(repeat: int, log) -> dict:
    from django.db import connection
    from django.test import Client

    pages = [
        ("supervision view: GET /admin/banshi/jiancha/", _supervisor_client(), "/admin/banshi/jiancha/", repeat),
        ("supervision xlsx", _supervisor_client(), "/admin/banshi/jiancha/xlsx/", max(5, repeat // 4)),
        ("public statistics: GET /banshi/pingjia/tongji/", Client(), "/banshi/pingjia/tongji/", max(5, repeat // 2)),
    ]
    out = {}
    for label, client, url, times in pages:
        response = client.get(url, HTTP_HOST="www.localhost")  # warm
        assert response.status_code == 200, (url, response.status_code)
        queries = []

        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url, HTTP_HOST="www.localhost")
        samples = []
        for _ in range(times):
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="www.localhost")
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        out[label] = {**percentiles(samples), "queries": len(queries)}
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import io
            import pstats

            profile = cProfile.Profile()
            profile.runcall(client.get, url, HTTP_HOST="www.localhost")
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(25)
            log(text.getvalue())
        log(f"{label}: p50 {out[label]['p50']:.1f} ms, p95 {out[label]['p95']:.1f} ms, {len(queries)} queries")
    return out


def worker(database: str, n: int, repeat: int, pg: str) -> dict:
    def log(text):
        print(f"[{database}] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="services-scale-bench-") as tmp:
        tmp = Path(tmp)
        if database == "sqlite":
            url = f"sqlite:///{tmp / 'bench.sqlite3'}"
        else:
            import psycopg

            with psycopg.connect(f"{pg}/postgres", autocommit=True) as admin:
                admin.execute("DROP DATABASE IF EXISTS services_scale_bench")
                admin.execute("CREATE DATABASE services_scale_bench")
            url = f"{pg}/services_scale_bench"
        setup_django(url, tmp / "data")
        built = build(n, log)
        figures = {**time_status(built["numbers"], repeat, log), **time_pages(repeat, log)}
    if database == "postgresql":
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{pg}/postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS services_scale_bench")
    return {"figures": figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per measurement")
    parser.add_argument("--databases", default="sqlite,postgresql", help="postgresql (or postgres) and/or sqlite")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(database_names(args.worker)[0], args.cases, args.repeat, args.pg)))
        return
    results = {}
    for database in database_names(args.databases):
        done = subprocess.run(
            [sys.executable, __file__, "--worker", database, "--cases", str(args.cases), "--repeat", str(args.repeat),
             "--pg", args.pg], stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT,
        )
        results[database] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{args.cases:,} licensing applications, {args.repeat} timed requests each; ms\n")
    print("\n".join(table(results)))


LABELS = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


def table(results: dict[str, dict]) -> list[str]:
    """A markdown table: p50 and p95 of each database that ran, the target and p95/target."""
    databases = list(results)
    targets = {"status query": STATUS_TARGET_MS, "supervision view": SUPERVISION_TARGET_MS}
    names = [LABELS.get(db, db) for db in databases]
    head = ["", *[f"{n} {p}" for n in names for p in ("p50", "p95")], "target",
            *[f"{n} p95 / target" for n in names]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label in results[databases[0]]["figures"]:
        target = next((t for key, t in targets.items() if label.startswith(key)), None)
        cells = [label]
        for db in databases:
            f = results[db]["figures"].get(label)
            cells += [f"{f['p50']:.1f}", f"{f['p95']:.1f}"] if f else ["—", "—"]
        cells.append(f"< {target:.0f}" if target else "—")
        for db in databases:
            f = results[db]["figures"].get(label)
            cells.append(f"{f['p95'] / target:.2f}" if target and f else "—")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for db in databases:
        q = {k: v["queries"] for k, v in results[db]["figures"].items() if v.get("queries")}
        lines.append(f"{LABELS.get(db, db)}: queries per page " + ", ".join(f"{k.split(':')[0]} {v}" for k, v in q.items()))
    return lines

if __name__ == "__main__":
    main()
