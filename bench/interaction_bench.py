"""Letters benchmark (政民互动): 20 concurrent writers posting real letters
through the intake form to gunicorn, counted afterwards in the database (0 lost,
0 duplicated); then 100,000 letters and the public 来信选登 listing, its search
and the statistics page through HTTP. On PostgreSQL + Redis and on the embedded
defaults (SQLite, file cache, folder broker), side by side.

    PYTHONPATH=site .venv/bin/python bench/interaction_bench.py
    PYTHONPATH=site .venv/bin/python bench/interaction_bench.py --databases sqlite --seconds 10 --letters 20000

Each database is built from scratch in its own process: a temporary data folder
(SQLite file, media, SMS and the Celery folder broker), for PostgreSQL a
database ``interaction_bench`` created and dropped by the bench (``--pg``) and
Redis database ``--redis`` (flushed before and after) for the cache and the
broker. Migrations and the demo cluster through ``manage.py``, then gunicorn
(``--workers`` sync workers, ``TRUSTED_PROXIES=127.0.0.1``, DEBUG off).

Writers: ``--writers`` threads for ``--seconds``. Every letter comes from its
own citizen, as on the real site: their own address (X-Forwarded-For from the
trusted proxy, as nginx sends it), their own session whose phone was confirmed
beforehand (the state the SMS-code step leaves in the session: 30 minutes), their
own phone number. Each citizen opens the mayor's form (CSRF cookie, one-time
token) and posts it; every tenth posts the same form twice at once (a double
click). Nothing is bypassed: the form, the captcha rule, the per-address and
per-phone limits, the sensitive-word screening and the outbox all run; the
figures would show a citizen refused by any of them. Afterwards, in the
database: every receipt a citizen got has its row (lost = 0), no citizen's
letter is there twice (duplicated = 0).

Pages: N letters with ``bulk_create`` over the demo's mailboxes and
departments, received over the last two years: 82 % answered (60 % of them
rated), the rest open or not accepted; 45 % of writers allow publication and
55 % of those answered were chosen, so about a fifth of all letters is public.
Their text is built from the demo letters and sentences of
``../shared/corpus/govdocs.jsonl`` (seed 2026). Timed through HTTP, one request
at a time, warm: the listing (first page, one mailbox, page 100), its search
(frequent and rare two-character words, phrases, a word found nowhere, two
words), a letter's public page and the statistics page of this year and last
year. Targets (issue 16): ≥ 50 letters/s with 0 lost and 0 duplicated; listing
and search p95 < 50 ms, statistics < 300 ms.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchlib import free_port, percentiles

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026
CORPUS = ROOT.parent / "shared" / "corpus" / "govdocs.jsonl"
LETTERS_PER_S_TARGET, LIST_TARGET_MS, STATS_TARGET_MS = 50.0, 50.0, 300.0
PG_DATABASE = "interaction_bench"
HOST = "www.localhost"
SUBJECT = "基准来信"


# --- one database, in its own process ---------------------------------------------------------
class Bench:
    def __init__(self, database: str, args, tmp: Path, log):
        self.database, self.args, self.tmp, self.log = database, args, tmp, log
        self.env = dict(os.environ)
        for key in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER"):
            self.env.pop(key, None)
        self.env.update({
            "PYTHONPATH": str(ROOT / "site"), "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false",
            "DATA_DIR": str(tmp / "data"), "TRUSTED_PROXIES": "127.0.0.1", "CELERY_TASK_ALWAYS_EAGER": "false",
        })
        if database == "postgresql":
            self.env["DATABASE_URL"] = f"{args.pg}/{PG_DATABASE}"
            self.env["REDIS_URL"] = args.redis
        else:
            self.env["DATABASE_URL"] = f"sqlite:///{tmp / 'data' / 'db.sqlite3'}"
        self.server = None

    # -- setting up -----------------------------------------------------------------------------
    def create(self) -> None:
        (self.tmp / "data").mkdir(parents=True, exist_ok=True)
        if self.database == "postgresql":
            import psycopg
            import redis

            with psycopg.connect(f"{self.args.pg}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
                admin.execute(f"CREATE DATABASE {PG_DATABASE}")
            redis.Redis.from_url(self.args.redis).flushdb()
        started = time.perf_counter()
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_demo", "--articles", "1", "--verbosity", "0")
        self.log(f"migrate + demo cluster {time.perf_counter() - started:.0f} s")
        os.environ.update(self.env)
        sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
        import django

        django.setup()

    def drop(self) -> None:
        if self.database != "postgresql":
            return
        import psycopg
        import redis
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{self.args.pg}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        redis.Redis.from_url(self.args.redis).flushdb()

    def manage(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-3000:])
        return done.stdout

    def start_server(self) -> None:
        from django.db import connections

        connections.close_all()  # the bench's own connection stays out of the writers' way
        self.port = free_port()
        self.server_log = open(self.tmp / "gunicorn.log", "w")
        self.server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "--pythonpath", "site", "govsite.wsgi",
             "-w", str(self.args.workers), "-b", f"127.0.0.1:{self.port}", "--timeout", "60"],
            cwd=ROOT, env=self.env, stdout=self.server_log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        import requests

        deadline = time.time() + 90
        while True:
            try:
                if requests.get(self.url("/hudong/"), headers={"Host": HOST}, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.time() > deadline or self.server.poll() is not None:
                raise RuntimeError((self.tmp / "gunicorn.log").read_text()[-3000:])
            time.sleep(0.5)

    def stop_server(self) -> None:
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)
        self.server = None

    def server_cpu(self) -> float:
        """CPU seconds the gunicorn master and its workers have used so far (user + system)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in [self.server.pid, *_children(self.server.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # -- writers ------------------------------------------------------------------------------------
    def citizens(self, n: int) -> list[tuple[str, str]]:
        """N sessions whose phone the SMS-code step confirmed (accounts.confirm_phone's mark)."""
        from django.contrib.sessions.backends.db import SessionStore
        from django.contrib.sessions.models import Session
        from django.db import connections
        from django.utils import timezone
        from django.utils.crypto import get_random_string

        from accounts.service import CONFIRMED_FOR, SESSION_CONFIRMED

        until = (timezone.now() + CONFIRMED_FOR).timestamp()
        store, rows, out = SessionStore(), [], []
        for i in range(n):
            phone = f"139{i:08d}"
            key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
            rows.append(Session(session_key=key, expire_date=timezone.now() + timedelta(hours=2),
                                session_data=store.encode({SESSION_CONFIRMED: {"phone": phone, "until": until}})))
            out.append((key, phone))
        Session.objects.bulk_create(rows, batch_size=2000)
        connections.close_all()
        return out

    def write(self, citizens: list[tuple[str, str]], mailbox_id: int) -> dict:
        import requests

        form_url = self.url(f"/hudong/xinxiang/{mailbox_id}/xie/")
        tokens = re.compile(r'name="(csrfmiddlewaretoken|submit_token)" value="([^"]+)"')
        number_re = re.compile(r'class="receipt-number">([^<]+)<')
        counter = itertools.count()
        lock = threading.Lock()
        results: list[dict] = []
        gets: list[float] = []
        deadline = time.perf_counter() + self.args.seconds

        def post(session, data, headers, out):
            started = time.perf_counter()
            try:
                r = session.post(form_url, data=data, headers={**headers, "Referer": form_url},
                                 allow_redirects=False, timeout=60)
            except requests.RequestException as exc:
                out.append({"status": 0, "error": type(exc).__name__, "ms": (time.perf_counter() - started) * 1000})
                return
            ms = (time.perf_counter() - started) * 1000
            number = None
            if r.status_code == 302 and "/hudong/huizhi/?n=" in r.headers.get("Location", ""):
                number = r.headers["Location"].rsplit("n=", 1)[1]
            elif r.status_code == 200 and (found := number_re.search(r.text)):
                number = found.group(1).strip()  # the double click's second answer: the first one's receipt
            refusal = ""
            if number is None and r.status_code < 500:
                refusal = " ".join(re.findall(r"<li>([^<]{1,120})</li>", r.text)[:3]) or r.text[:200]
            out.append({"status": r.status_code, "number": number, "ms": ms, "refusal": refusal})

        def writer(w: int):
            while time.perf_counter() < deadline:
                i = next(counter)
                if i >= len(citizens):
                    return
                key, phone = citizens[i]
                headers = {"Host": HOST, "X-Forwarded-For": f"100.{64 + i // 65536}.{i // 256 % 256}.{i % 256}"}
                session = requests.Session()
                session.cookies.set("sessionid", key)  # (a domain given for an IP host would never be sent)
                started = time.perf_counter()
                try:
                    page = session.get(form_url, headers=headers, timeout=60)
                except requests.RequestException as exc:
                    with lock:
                        results.append({"i": i, "status": 0, "error": type(exc).__name__, "posts": []})
                    continue
                get_ms = (time.perf_counter() - started) * 1000
                found = dict(tokens.findall(page.text))
                data = {
                    "csrfmiddlewaretoken": found.get("csrfmiddlewaretoken", ""),
                    "submit_token": found.get("submit_token", ""), "kind": "suggest",
                    "subject": f"{SUBJECT}{self.database[:2]}-{i:06d}",
                    "content": f"建议在昭君路与青城街路口增设公交站点，方便附近{i % 900 + 100}户居民出行。",
                    "applicant_kind": "natural", "name": f"居民{i}", "phone": phone, "email": "", "address": "",
                    "phone_code": "", "website": "",
                }
                posts: list[dict] = []
                if i % 10 == 9:  # a double click: the same form on two connections at once
                    twin = requests.Session()
                    twin.cookies.update(session.cookies)
                    other = threading.Thread(target=post, args=(twin, data, headers, posts))
                    other.start()
                    post(session, data, headers, posts)
                    other.join()
                else:
                    post(session, data, headers, posts)
                with lock:
                    gets.append(get_ms)
                    results.append({"i": i, "subject": data["subject"], "posts": posts, "double": i % 10 == 9})

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(self.args.writers)]
        cpu, started = self.server_cpu(), time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        return {"results": results, "gets": gets, "elapsed": elapsed, "server_cpu": self.server_cpu() - cpu}

    def count(self, run: dict) -> dict:
        from interaction.models import Letter

        rows = {}
        for subject, number in Letter.objects.filter(subject__startswith=SUBJECT).values_list(
                "subject", "receipt_number"):
            rows.setdefault(subject, []).append(number)
        duplicated = sum(len(v) - 1 for v in rows.values() if len(v) > 1)
        lost, answered, refused, errors, statuses, refusals = 0, 0, 0, 0, {}, []
        post_ms = []
        for r in run["results"]:
            numbers = {p.get("number") for p in r.get("posts", []) if p.get("number")}
            for p in r.get("posts", []):
                statuses[p["status"]] = statuses.get(p["status"], 0) + 1
                post_ms.append(p["ms"])
                if p.get("refusal") and len(refusals) < 3:
                    refusals.append(p["refusal"])
            if not r.get("posts"):
                errors += 1
                continue
            if numbers:
                answered += 1
                stored = set(rows.get(r["subject"], []))
                lost += len(numbers - stored)  # a receipt shown with no row behind it
            elif any(p["status"] >= 500 or p["status"] == 0 for p in r["posts"]):
                errors += 1
            else:
                refused += 1
        created = sum(len(v) for v in rows.values())
        doubles = [r for r in run["results"] if r.get("double")]
        same_receipt = sum(1 for r in doubles if len({p.get("number") for p in r["posts"]}) == 1
                           and r["posts"][0].get("number"))
        out = {
            "citizens": len(run["results"]), "letters": created, "with_receipt": answered, "lost": lost,
            "duplicated": duplicated, "refused": refused, "errors": errors, "statuses": statuses,
            "letters_per_s": created / run["elapsed"], "elapsed": run["elapsed"],
            "post": percentiles(post_ms), "get": percentiles(run["gets"]),
            "double_clicks": len(doubles), "double_same_receipt": same_receipt,
            # what the server spent per letter (form page + post), whatever else ran on the machine
            "server_cpu_ms_per_letter": 1000 * run.get("server_cpu", 0) / created if created else None,
            "load": os.getloadavg()[0],
        }
        self.log(f"writers: {created} letters in {run['elapsed']:.1f} s = {out['letters_per_s']:.1f}/s; "
                 f"lost {lost}, duplicated {duplicated}, refused {refused}, errors {errors}; statuses {statuses}; "
                 f"POST p50 {out['post']['p50']:.0f} ms p95 {out['post']['p95']:.0f} ms")
        for text in refusals:
            self.log(f"a refusal: {text}")
        return out

    # -- 100,000 letters ----------------------------------------------------------------------------
    def fill(self, n: int) -> list[str]:
        from django.db import connection, transaction
        from django.utils import timezone

        from casefile import references
        from cluster.models import Organisation
        from interaction import demo_data
        from interaction.constants import Kind, Publication, Rating, Status
        from interaction.models import Letter, Mailbox
        from interaction.service import limit_for
        from workdays.service import Calendar

        rng = random.Random(SEED)
        sentences = _corpus_sentences(rng)
        demo = [(subject, content) for _box, _kind, subject, content, *_rest in demo_data.LETTERS]
        mailboxes = list(Mailbox.objects.all())
        departments = list(Organisation.objects.all()[:40])
        kinds = [Kind.SUGGEST] * 30 + [Kind.CONSULT] * 25 + [Kind.COMPLAIN] * 25 + [Kind.HELP] * 12 + \
            [Kind.PETITION] * 5 + [Kind.REPORT] * 3
        statuses = [Status.ANSWERED] * 82 + [Status.HANDLING] * 8 + [Status.SUBMITTED] * 4 + \
            [Status.DRAFTED] * 3 + [Status.NOT_ACCEPTED] * 3
        ratings = [Rating.SATISFIED] * 6 + [Rating.MOSTLY] * 3 + [Rating.UNSATISFIED] * 1
        today, calendar = timezone.localdate(), Calendar()
        # one HMAC for all: these letters are only listed and counted, never looked up by code
        code_hash = references.hash_query_code(references.new_receipt_number("XJ"), "260928")
        started = time.perf_counter()
        batch, sample = [], []
        for i in range(n):
            received = today - timedelta(days=rng.randint(0, 729))
            at = timezone.make_aware(datetime.combine(received, datetime.min.time()) + timedelta(
                minutes=rng.randint(420, 1320)))
            subject, opening = rng.choice(demo)
            subject = (rng.choice(sentences)[:14] + "的" + subject[-6:]) if rng.random() < 0.7 else subject
            content = opening[: rng.randint(min(30, len(opening)), len(opening))] + "".join(
                rng.choice(sentences) for _ in range(rng.randint(2, 6)))
            status, mailbox = rng.choice(statuses), rng.choice(mailboxes)
            kind = rng.choice(kinds)
            letter = Letter(
                mailbox=mailbox, organisation=rng.choice(departments) if status != Status.SUBMITTED else
                mailbox.organisation, kind=kind, subject=subject[:200], content=content[:5000], status=status,
                receipt_number=references.new_receipt_number("XJ", day=received), query_code_hash=code_hash,
                submitted_at=at, received_on=received, applicant_kind="natural", name=f"来信人{i}",
                phone=f"138{i:08d}", publish_allowed=rng.random() < 0.45, language="zh-hans",
            )
            letter.start_clock(received, limit_for(letter), calendar=calendar)
            if status == Status.ANSWERED:
                days = rng.randint(1, 25)
                letter.answered_at = at + timedelta(days=days)
                letter.days_to_answer, letter.answered_on_time = days, days <= 15
                letter.reply_text = "".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
                if rng.random() < 0.6:
                    letter.rating, letter.rated_at = rng.choice(ratings), letter.answered_at + timedelta(days=1)
                if letter.publish_allowed and rng.random() < 0.55:
                    letter.publication, letter.published_at = Publication.PUBLISHED, letter.answered_at + timedelta(
                        hours=rng.randint(2, 96))
                    letter.public_subject, letter.public_content = letter.subject, letter.content
                    letter.public_reply = letter.reply_text
                letter.store_clock(None, today=today, calendar=calendar)
            batch.append(letter)
            if len(batch) == 5000:
                with transaction.atomic():
                    Letter.objects.bulk_create(batch)
                sample.extend(x.receipt_number for x in batch if x.publication == Publication.PUBLISHED)
                batch = []
        with transaction.atomic():
            Letter.objects.bulk_create(batch)
        sample.extend(x.receipt_number for x in batch if x.publication == Publication.PUBLISHED)
        with connection.cursor() as cursor:
            # planner statistics and (PostgreSQL) the visibility map, as autovacuum leaves them
            # after a bulk load: without it a count reads the whole table instead of an index
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        published = Letter.objects.filter(publication=Publication.PUBLISHED).count()
        self.log(f"{n:,} letters ({published:,} published) {time.perf_counter() - started:.0f} s")
        self.published = published
        return rng.sample(sample, min(200, len(sample)))

    def pages(self, numbers: list[str]) -> dict:
        import requests

        from interaction.models import Mailbox

        mayor = Mailbox.objects.get(name="市长信箱").pk
        year = datetime.now().year
        views = [
            ("a page without letters: /hudong/", ["/hudong/"]),  # the site's own chrome, for comparison
            ("listing: first page", ["/hudong/xuandeng/"]),
            ("listing: one mailbox", [f"/hudong/xuandeng/xinxiang/{mayor}/"]),
            ("listing: page 100", ["/hudong/xuandeng/?p=100"]),
            ("search: frequent words", [f"/hudong/xuandeng/?q={w}" for w in ("建议", "小区", "管理", "公交", "规定")]),
            ("search: rare words", [f"/hudong/xuandeng/?q={w}" for w in ("电梯", "阶梯电价", "残疾人", "渣土车", "学区")]),
            ("search: phrases", [f"/hudong/xuandeng/?q={w}" for w in ("老旧小区加装电梯", "夜间施工", "增设公交站点",
                                                                      "人民政府")]),
            ("search: found nowhere", [f"/hudong/xuandeng/?q={w}" for w in ("量子纠缠", "火星基地", "zzqx")]),
            ("search: two words, one mailbox", [f"/hudong/xuandeng/xinxiang/{mayor}/?q=供暖+建议",
                                                f"/hudong/xuandeng/xinxiang/{mayor}/?q=小区+物业"]),
            ("letter page", [f"/hudong/xuandeng/{n}/" for n in numbers[:40]]),
            ("statistics: this year", [f"/hudong/tongji/?year={year}"]),
            ("statistics: last year", [f"/hudong/tongji/?year={year - 1}"]),
        ]
        session = requests.Session()
        out = {}
        for label, urls in views:
            for url in urls:  # warm
                r = session.get(self.url(url), headers={"Host": HOST}, timeout=60)
                assert r.status_code == 200, (url, r.status_code)
            samples = []
            for k in range(self.args.repeat):
                url = urls[k % len(urls)]
                started = time.perf_counter()
                r = session.get(self.url(url), headers={"Host": HOST}, timeout=60)
                samples.append((time.perf_counter() - started) * 1000)
                assert r.status_code == 200
            out[label] = percentiles(samples)
            self.log(f"{label}: p50 {out[label]['p50']:.1f} ms, p95 {out[label]['p95']:.1f} ms")
        # the page caches its report for five minutes: what a cache miss costs, counted afresh each time
        from interaction import stats

        for label, y in (("statistics: report + chart, uncached (this year)", year),
                         ("statistics: report + chart, uncached (last year)", year - 1)):
            samples = []
            for _ in range(max(5, self.args.repeat // 4)):
                started = time.perf_counter()
                stats.chart_svg(stats.report(year=y))
                samples.append((time.perf_counter() - started) * 1000)
            out[label] = percentiles(samples)
            self.log(f"{label}: p50 {out[label]['p50']:.1f} ms, p95 {out[label]['p95']:.1f} ms")
        return out


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _corpus_sentences(rng: random.Random) -> list[str]:
    sentences = []
    with open(CORPUS, encoding="utf-8") as corpus:
        for k, line in enumerate(corpus):
            if k >= 600:
                break
            body = json.loads(line).get("body") or ""
            sentences.extend(s + "。" for s in re.split(r"[。\n]", body) if 12 <= len(s) <= 80)
    rng.shuffle(sentences)
    return sentences[:20000]


def worker(database: str, args) -> dict:
    def log(text):
        print(f"[{database}] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="interaction-bench-") as tmp:
        bench = Bench(database, args, Path(tmp), log)
        bench.create()
        try:
            from interaction.models import Mailbox

            mayor = Mailbox.objects.get(name="市长信箱").pk
            citizens = bench.citizens(args.citizens)
            log(f"{len(citizens):,} citizens with a confirmed phone")
            bench.start_server()
            try:
                run = bench.write(citizens, mayor)
            finally:
                bench.stop_server()
            writers = bench.count(run)
            numbers = bench.fill(args.letters)
            bench.start_server()
            try:
                pages = bench.pages(numbers)
            finally:
                bench.stop_server()
            return {"writers": writers, "pages": pages, "published": bench.published}
        finally:
            bench.stop_server()
            bench.drop()


# --- both, side by side ----------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--citizens", type=int, default=4000, help="prepared citizens (the most letters a run can make)")
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per page")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG", "postgres://govsite:govsite@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args)))
        return
    results = {}
    for database in args.databases.split(","):
        cmd = [sys.executable, __file__, "--worker", database]
        for name in ("seconds", "writers", "workers", "citizens", "letters", "repeat", "pg", "redis"):
            cmd += [f"--{name}", str(getattr(args, name))]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT)
        results[database] = json.loads(done.stdout.strip().splitlines()[-1])
    dbs = list(results)
    print(f"\n{args.writers} writers for {args.seconds:.0f} s through gunicorn ({args.workers} workers)")
    print(f"{'':28}" + "".join(f"{db:>14}" for db in dbs) + (f"{'ratio':>10}" if len(dbs) == 2 else ""))
    rows = [("letters/s", "letters_per_s", "{:.1f}"), ("letters", "letters", "{:d}"),
            ("lost", "lost", "{:d}"), ("duplicated", "duplicated", "{:d}"),
            ("refused (captcha/limit)", "refused", "{:d}"), ("errors", "errors", "{:d}"),
            ("double clicks → one receipt", "double_same_receipt", "{:d}"),
            ("server CPU ms per letter", "server_cpu_ms_per_letter", "{:.0f}"), ("load average", "load", "{:.1f}")]
    for label, key, fmt in rows:
        values = [results[db]["writers"].get(key) for db in dbs]
        line = f"{label:28}" + "".join(f"{fmt.format(v) if v is not None else '—':>14}" for v in values)
        if len(dbs) == 2 and key == "letters_per_s" and values[1]:
            line += f"{values[0] / values[1]:>9.2f}×"
        print(line)
    for label, key in (("POST p50 ms", "p50"), ("POST p95 ms", "p95")):
        values = [results[db]["writers"]["post"][key] for db in dbs]
        line = f"{label:28}" + "".join(f"{v:>14.0f}" for v in values)
        if len(dbs) == 2 and values[0]:
            line += f"{values[1] / values[0]:>9.2f}×"
        print(line)
    published = ", ".join(f"{db}: {results[db]['published']:,}" for db in dbs)
    print(f"\n{args.letters:,} letters ({published} published), {args.repeat} timed requests each; ms")
    print(f"{'':34}" + "".join(f"{db + ' p50':>16}{db + ' p95':>16}" for db in dbs) + f"{'target':>9}")
    for label in results[dbs[0]]["pages"]:
        target = STATS_TARGET_MS if label.startswith("statistics") else (
            LIST_TARGET_MS if label.startswith(("listing", "search")) else None)
        line = f"{label:34}"
        for db in dbs:
            f = results[db]["pages"][label]
            line += f"{f['p50']:16.1f}{f['p95']:16.1f}"
        line += f"{(f'< {target:.0f}' if target else '—'):>9}"
        print(line)


if __name__ == "__main__":
    main()
