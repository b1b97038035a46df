"""Public search benchmark: Whoosh vs tantivy (through haystack) vs Wagtail's
database search backend (SQLite FTS5), on generated libraries of N documents.

    PYTHONPATH=site .venv/bin/python bench/search_bench.py --sizes 20000 100000

Everything happens in a temporary folder (a throwaway SQLite database, the
indexes); nothing touches the project's data folder. One core
(``os.sched_setaffinity``), deterministic documents and queries (seed 2026).
See bench/README.md for the figures and how to read them.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the shared corpus sits beside the project (../shared/)
CORPUS = Path(os.environ.get("BENCH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus" / "govdocs.jsonl"))
SEED = 2026
HOSTS = ["www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost", "en.localhost", "mgl.localhost"]
KINDS = ["regulation", "decision", "notice", "announcement", "circular", "opinion", "measures", "plan", "report", "other"]
VALIDITY = ["valid"] * 8 + ["expired", "repealed"]
FACETS = ("site", "content_type", "organisation", "topic", "kind", "validity", "year")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


# --- setup ----------------------------------------------------------------------
def setup_django(tmp: Path) -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "govsite.settings.test"
    os.environ["DATA_DIR"] = str(tmp / "data")
    os.environ["DATABASE_URL"] = "sqlite:///%s" % (tmp / "bench.sqlite3")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    import disclosure.api

    disclosure.api.API_RATE = "100000000/m"  # the benchmark is not an abuser


def one_core(cpu: int | None = None) -> str:
    try:
        cpu = sorted(os.sched_getaffinity(0))[-1] if cpu is None else cpu
        os.sched_setaffinity(0, {cpu})
        return "pinned to CPU %d" % cpu
    except (AttributeError, OSError):
        return "not pinned"


# --- documents -----------------------------------------------------------------
def load_corpus() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class Library:
    """N documents recombined from the corpus; the originals come first."""

    def __init__(self, corpus: list[dict]):
        self.corpus = corpus
        self.issuers = sorted({r["issuer"] for r in corpus if r.get("issuer")})
        self.categories = sorted({r["category"] for r in corpus if r.get("category")})
        self.paragraphs = [[p for p in r["body"].split("\n") if p.strip()] for r in corpus]
        self.lengths = sorted(len(r["body"]) for r in corpus)

    def org_code(self, issuer: str) -> str:
        return "%018d" % (self.issuers.index(issuer) + 1) if issuer in self.issuers else "0" * 18

    def record(self, i: int) -> dict:
        rng = random.Random(SEED * 1_000_003 + i)
        if i < len(self.corpus):
            r = self.corpus[i]
            title, body, number = r["title"], r["body"], r.get("doc_number") or ""
            issuer, category = r.get("issuer") or rng.choice(self.issuers), r.get("category") or rng.choice(self.categories)
            try:
                year = int((r.get("date") or "2020")[:4])
                date = "%s" % r["date"][:10]
            except (TypeError, ValueError):
                year, date = 2020, "2020-01-01"
        else:
            base = rng.choice(self.corpus)
            year = rng.randint(2012, 2026)
            date = "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
            title = "%s（%d年第%d号）" % (base["title"], year, i)
            issuer, category = rng.choice(self.issuers), rng.choice(self.categories)
            paragraphs = []
            for _ in range(rng.randint(3, 6)):
                paragraphs.extend(rng.choice(self.paragraphs))
            length = min(rng.choice(self.lengths), 12000)
            body = "\n".join(paragraphs)[:length]
            number = ""
            if base.get("doc_number"):
                number = re.sub(r"[〔\[(（]\d{4}[〕\])）]\s*\d+", "〔%d〕%d" % (year, i), base["doc_number"])
        org = self.org_code(issuer)
        return {
            "i": i, "title": title, "body": body, "doc_number": number, "issuer": issuer, "org": org,
            "category": category, "topic": "t%03d" % (self.categories.index(category) if category in self.categories else 0),
            "year": year, "date": date, "site": HOSTS[i % len(HOSTS)], "kind": rng.choice(KINDS),
            "validity": rng.choice(VALIDITY), "index_number": "%s/%d-%05d" % (org, year, i),
        }


def prepared(index, rec: dict) -> dict:
    """What DisclosureDocumentIndex.full_prepare would give for this document."""
    import datetime as dt

    from disclosure.numbers import lookup_key

    d = dt.date.fromisoformat(rec["date"]) if re.match(r"^\d{4}-\d\d-\d\d$", rec["date"]) else dt.date(rec["year"], 1, 1)
    base = {
        "id": "disclosure.disclosuredocumentpage.%d" % (rec["i"] + 1),
        "django_ct": "disclosure.disclosuredocumentpage",
        "django_id": str(rec["i"] + 1),
        "text": "\n".join(p for p in (rec["title"], rec["doc_number"], rec["index_number"], rec["body"]) if p),
        "title": rec["title"], "summary": "", "site": rec["site"], "content_type": "disclosure",
        "organisation": rec["org"], "organisation_name": rec["issuer"], "topic": rec["topic"],
        "topic_name": rec["category"], "kind": rec["kind"], "validity": rec["validity"], "year": d.year,
        "date": d, "written_date": d, "url": "http://www.localhost/zfxxgk/doc-%d/" % rec["i"],
        "doc_number": rec["doc_number"], "index_number": rec["index_number"],
        "index_key": lookup_key(rec["index_number"]), "doc_key": lookup_key(rec["doc_number"]),
    }
    from search import pinyin

    names = rec["title"]  # what BaseIndex.name_text gives a document without keywords
    base.update({
        "title_chars": pinyin.chars_field(names), "pinyin": pinyin.pinyin_field(names),
        "pinyin_fuzzy": pinyin.fuzzy_field(names), "initials": pinyin.initials_field(names),
    })
    out = {}
    for name, field in index.fields.items():
        source = getattr(field, "facet_for", None)
        out[field.index_fieldname] = base.get(source) if source else base.get(name)
    out.update({k: base[k] for k in ("id", "django_ct", "django_id")})
    return out


class Doc:
    def __init__(self, data):
        self.data = data


# --- queries ---------------------------------------------------------------------
def make_queries(corpus: list[dict]) -> list[tuple[str, str]]:
    import opencc

    rng = random.Random(SEED)
    s2t = opencc.OpenCC("s2t")
    bigrams = Counter()
    for r in corpus:
        for run in HAN_RUN.findall(r["title"]):
            bigrams.update(run[k : k + 2] for k in range(len(run) - 1))
    stop = set("的和于关在对与及是为之")
    words = [w for w, _ in bigrams.most_common(400) if not (set(w) & stop)][:70]
    queries = [("word", w) for w in words]
    phrases = []
    for r in rng.sample(corpus, 200):
        runs = [x for x in HAN_RUN.findall(r["title"]) if len(x) >= 4]
        if runs:
            run = rng.choice(runs)
            n = rng.randint(4, min(10, len(run)))
            start = rng.randint(0, len(run) - n)
            phrases.append(run[start : start + n])
        if len(phrases) == 60:
            break
    queries += [("phrase", p) for p in phrases]
    queries += [("traditional", s2t.convert(p)) for p in phrases[:30]]
    numbered = [r["doc_number"] for r in corpus if r.get("doc_number")]
    for k, number in enumerate(rng.sample(numbered, 30)):
        queries.append(("doc_number", number.replace("〔", "[").replace("〕", "]") if k % 3 == 0 else number))
    queries += [("other", q) for q in (
        "COVID-19", "2020", "PM2.5", "GDP", "policy", "ᠮᠣᠩᠭᠣᠯ", "ᠬᠣᠲᠠ", "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ", "Shanghai", "ISO 9001")]
    return queries


def make_citizen_queries(corpus: list[dict]) -> list[tuple[str, str]]:
    """Queries as citizens type them, from title phrases: full, spaced and mixed
    pinyin, initials, a homophone typo (one character replaced by another of the
    same reading), and a single character; plus prefixes for the suggestions."""
    from pypinyin import Style, lazy_pinyin

    rng = random.Random(SEED + 19)
    by_sound: dict[str, list[str]] = {}
    for r in corpus:
        for ch in "".join(HAN_RUN.findall(r["title"])):
            by_sound.setdefault(lazy_pinyin(ch, style=Style.NORMAL)[0], []).append(ch)
    by_sound = {k: sorted(set(v)) for k, v in by_sound.items()}
    out = []
    for r in rng.sample(corpus, 120):
        runs = [x for x in HAN_RUN.findall(r["title"]) if len(x) >= 4]
        if not runs:
            continue
        run = rng.choice(runs)
        start = rng.randint(0, len(run) - 4)
        word = run[start : start + 4]
        sylls = lazy_pinyin(word, style=Style.NORMAL)
        out.append(("pinyin", "".join(sylls)))
        out.append(("pinyin_spaced", " ".join(sylls)))
        out.append(("pinyin_mixed", word[:2] + "".join(sylls[2:])))
        out.append(("initials", "".join(s[0] for s in sylls)))
        k = rng.randrange(4)
        others = [c for c in by_sound.get(sylls[k], []) if c != word[k]]
        if others:
            out.append(("homophone", word[:k] + rng.choice(others) + word[k + 1 :]))
        out.append(("single_char", rng.choice(word)))
        out.append(("suggest", rng.choice(["".join(sylls)[: rng.randint(2, 6)], word[: rng.randint(1, 3)]])))
    per_kind = Counter()
    kept = []
    for kind, q in out:
        if per_kind[kind] < 40:
            per_kind[kind] += 1
            kept.append((kind, q))
    return kept


def measure_citizen(queries, n: int, library) -> dict:
    """The new kinds through the search service (two phases, synonyms, leads:
    what the page and the API run) and the suggestions through the URL."""
    from django.test import Client

    from search import suggest
    from search.service import parse_params, run_search

    started = time.perf_counter()
    suggest.warm(rows=((library.record(i)["title"], "", "", False) for i in range(n)))
    built = time.perf_counter() - started
    client = Client()

    def service(q):
        return run_search(parse_params({"q": q})).total

    def suggested(q):
        response = client.get("/search/suggest/", {"q": q}, HTTP_HOST="www.localhost")
        assert response.status_code == 200, response.content[:300]
        return len(json.loads(response.content)["suggestions"])

    out = {"suggest_build_s": built}
    for kind in sorted({k for k, _ in queries}):
        chosen = [kq for kq in queries if kq[0] == kind]
        out[kind] = timed(suggested if kind == "suggest" else service, chosen)
        out[kind]["n"] = len(chosen)
    return out


# --- measuring -------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    """Milliseconds; ``inf`` when the percentile falls on a search that ran out
    of time."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


class OutOfTime(Exception):
    pass


def timed(fn, queries, limit: float | None = None) -> dict:
    """Each query twice (warm, then timed). ``fn`` returns how many results it
    got. With ``limit`` (Wagtail's database backend) a search that runs longer
    is stopped, counted as out of time and not repeated."""
    times, found, out_of_time = [], 0, 0
    for _, q in queries:
        try:
            with deadline(limit):
                found += bool(fn(q))
            start = time.perf_counter()
            with deadline(limit):
                fn(q)
            times.append(time.perf_counter() - start)
        except OutOfTime:
            times.append(float("inf"))
            out_of_time += 1
    return {"p50": pct(times, 50), "p95": pct(times, 95), "found": found, "out_of_time": out_of_time}


class deadline:
    """Stop the SQLite statement running past ``seconds`` (progress handler)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds

    def __enter__(self):
        if self.seconds:
            from django.db import connection

            connection.ensure_connection()
            until = time.perf_counter() + self.seconds
            connection.connection.set_progress_handler(lambda: int(time.perf_counter() > until), 10000)
        return self

    def __exit__(self, kind, exc, tb):
        if self.seconds:
            from django.db import connection

            connection.connection.set_progress_handler(None, 10000)
            if exc is not None and "interrupted" in str(exc):
                raise OutOfTime() from exc
        return False


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build_haystack(engine: str, n: int, library: Library, tmp: Path) -> tuple[float, int, Path]:
    from django.test import override_settings
    from haystack import connections

    from search.rebuild import Progress

    engines = {
        "whoosh": "search.whoosh_backend.ChineseWhooshEngine",
        "tantivy": "search.tantivy_backend.TantivyEngine",
    }
    path = tmp / ("%s-%d" % (engine, n))
    conf = {"default": {"ENGINE": engines[engine], "PATH": str(path)}}
    override_settings(HAYSTACK_CONNECTIONS=conf).enable()
    connections.connections_info = conf
    connections.reload("default")
    backend = connections["default"].get_backend()
    from disclosure.models import DisclosureDocumentPage

    index = connections["default"].get_unified_index().get_index(DisclosureDocumentPage)
    index.full_prepare = lambda obj: obj.data  # documents are generated, not pages
    progress = Progress(n, sys.stderr, label="%-8s %7d " % (engine, n))
    batch_size = 1000
    spent = 0.0
    if engine == "tantivy":
        writer_cm = backend.writer(heap=256_000_000)
        start = time.perf_counter()
        writer = writer_cm.__enter__()
        spent += time.perf_counter() - start
        for lo in range(0, n, batch_size):
            records = [library.record(i) for i in range(lo, min(n, lo + batch_size))]
            start = time.perf_counter()  # preparing counts: it reads the titles' pinyin
            docs = [Doc(prepared(index, rec)) for rec in records]
            backend.add_to_writer(writer, index, docs)
            spent += time.perf_counter() - start
            progress.update(len(docs))
        start = time.perf_counter()
        writer_cm.__exit__(None, None, None)
        spent += time.perf_counter() - start
    else:
        backend.setup()
        for lo in range(0, n, batch_size):
            docs = [Doc(prepared(index, library.record(i))) for i in range(lo, min(n, lo + batch_size))]
            start = time.perf_counter()
            backend.update(index, docs)
            spent += time.perf_counter() - start
            progress.update(len(docs))
    progress.close()
    return n / spent, du(path), path


def measure_haystack(queries) -> dict:
    from django.test import Client
    from haystack.query import SearchQuerySet

    from disclosure.models import DisclosureDocumentPage

    def plain(q):
        return len(list(SearchQuerySet().models(DisclosureDocumentPage).auto_query(q)[:10]))

    def faceted(q):
        sqs = SearchQuerySet().models(DisclosureDocumentPage).auto_query(q)
        for name in FACETS:
            sqs = sqs.facet(name)
        n = len(list(sqs[:10]))
        sqs.facet_counts()
        return n

    client = Client()

    def api(q):
        response = client.get("/api/v1/search/", {"q": q}, HTTP_HOST="www.localhost")
        assert response.status_code == 200, response.content[:300]
        return json.loads(response.content)["count"]

    return {"plain": timed(plain, queries), "facets": timed(faceted, queries), "api": timed(api, queries), "n": len(queries)}


def wagtail_model():
    from django.db import models
    from wagtail.search import index

    class BenchDoc(index.Indexed, models.Model):
        """Bench only: bigram text (the project's analysis) in an indexed model."""

        title = models.TextField()
        body = models.TextField()
        doc_number = models.TextField()
        organisation = models.CharField(max_length=20)
        year = models.IntegerField()
        kind = models.CharField(max_length=20)
        site = models.CharField(max_length=40)

        search_fields = [
            index.SearchField("title", boost=8),
            index.SearchField("doc_number", boost=4),
            index.SearchField("body"),
            index.FilterField("organisation"),
            index.FilterField("year"),
            index.FilterField("kind"),
            index.FilterField("site"),
        ]

        class Meta:
            app_label = "disclosure"
            db_table = "bench_wagtail_doc"

        def __str__(self) -> str:
            return self.title

    return BenchDoc


def build_wagtail(model, n: int, library: Library, db: Path) -> tuple[float, int]:
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from search.analysis import analyze
    from search.rebuild import Progress

    with connection.schema_editor() as editor:
        editor.create_model(model)
    before = db.stat().st_size
    backend = get_search_backend()
    progress = Progress(n, sys.stderr, label="%-8s %7d " % ("wagtail", n))
    spent = 0.0
    for lo in range(0, n, 1000):
        recs = [library.record(i) for i in range(lo, min(n, lo + 1000))]
        start = time.perf_counter()
        objs = model.objects.bulk_create(
            [
                model(
                    title=" ".join(analyze(r["title"])), body=" ".join(analyze(r["body"])),
                    doc_number=" ".join(analyze(r["doc_number"])), organisation=r["org"], year=r["year"],
                    kind=r["kind"], site=r["site"],
                )
                for r in recs
            ]
        )
        backend.add_bulk(model, objs)
        spent += time.perf_counter() - start
        progress.update(len(recs))
    progress.close()
    connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)") if connection.vendor == "sqlite" else None
    return n / spent, db.stat().st_size - before


def measure_wagtail(model, queries, limit: float) -> dict:
    from wagtail.search.backends import get_search_backend

    from search.analysis import query_tokens

    backend = get_search_backend()

    def plain(q):
        tokens = query_tokens(q)
        return len(list(backend.search(" ".join(tokens), model, operator="and")[:10])) if tokens else 0

    def faceted(q):
        tokens = query_tokens(q)
        if not tokens:
            return 0
        results = backend.search(" ".join(tokens), model, operator="and")
        n = len(list(results[:10]))
        for name in ("organisation", "year", "kind", "site"):
            results.facet(name)
        return n

    return {"plain": timed(plain, queries, limit), "facets": timed(faceted, queries, limit), "api": None, "n": len(queries)}


def subset(queries: list, n: int) -> list:
    """Every k-th query, so each kind stays represented."""
    if not n or n >= len(queries):
        return queries
    step = len(queries) / n
    return [queries[int(i * step)] for i in range(n)]


def run_one(engine: str, n: int, library: Library, queries: list, tmp: Path, args, wagtail_doc=None) -> tuple:
    """Build one engine's index of ``n`` documents and time the queries."""
    if engine == "wagtail":
        from django.db import connection
        from wagtail.search.models import IndexEntry

        with connection.schema_editor() as editor:
            with contextlib.suppress(Exception):  # not there on a first run
                editor.delete_model(wagtail_doc)
        IndexEntry.objects.all().delete()
        rate, size = build_wagtail(wagtail_doc, n, library, tmp / "bench.sqlite3")
        m = measure_wagtail(wagtail_doc, subset(queries, args.slow_queries), args.wagtail_limit)
    elif engine == "typesense":
        rate, size, m = run_typesense(n, library, queries, tmp)
    else:
        rate, size, path = build_haystack(engine, n, library, tmp)
        m = measure_haystack(queries if engine == "tantivy" else subset(queries, args.slow_queries))
        if engine == "tantivy":
            m["citizen"] = measure_citizen(make_citizen_queries(library.corpus), n, library)
        shutil.rmtree(path, ignore_errors=True)
    return (engine, n, rate, size, m)


# --- Typesense (the engine several application hosts share) -----------------------
def run_typesense(n: int, library: Library, queries: list, tmp: Path) -> tuple[float, int, dict]:
    """One Typesense node from the wheel's binary (tests/search_typesense/servers.py),
    started by this process so it runs on the same core; haystack pointed at it.
    Adds the server's resident memory and two raw forms of the query (AND of the
    tokens over the body, and the quoted phrase) to the figures."""
    from tests.search_typesense.servers import TypesenseCluster

    with TypesenseCluster(tmp / ("typesense-%d" % n), size=1) as cluster:
        rate = build_typesense(cluster, n, library)
        m = measure_haystack(queries)
        m["raw"] = measure_typesense_raw(queries)
        m["memory"] = cluster.memory_bytes()
        size = du(cluster.folder)
    return rate, size, m


def build_typesense(cluster, n: int, library: Library) -> float:
    from django.test import override_settings
    from haystack import connections

    from disclosure.models import DisclosureDocumentPage
    from search.rebuild import Progress

    conf = {"default": cluster.settings("bench")}
    conf["default"]["TIMEOUT"] = 120  # a large import batch takes a while on one core
    override_settings(HAYSTACK_CONNECTIONS=conf).enable()
    connections.connections_info = conf
    connections.reload("default")
    backend = connections["default"].get_backend()
    backend.setup()
    index = connections["default"].get_unified_index().get_index(DisclosureDocumentPage)
    progress = Progress(n, sys.stderr, label="%-9s %7d " % ("typesense", n))
    spent = 0.0
    for lo in range(0, n, 1000):
        records = [prepared(index, library.record(i)) for i in range(lo, min(n, lo + 1000))]
        start = time.perf_counter()
        backend.import_documents([backend.make_document(r) for r in records])  # analysis + HTTP + indexing
        spent += time.perf_counter() - start
        progress.update(len(records))
    progress.close()
    return n / spent


def measure_typesense_raw(queries) -> dict:
    """The client alone, as in SEARCH-FACTS "Past one host": all tokens over the
    body (ranked, no facets), and the tokens as a quoted phrase."""
    from haystack import connections

    from search.analysis import query_tokens

    backend = connections["default"].get_backend()

    def run(q, phrase: bool):
        tokens = query_tokens(q)
        if not tokens:
            return 0
        text = '"%s"' % " ".join(tokens) if phrase else " ".join(dict.fromkeys(tokens))
        found = backend._search_one({"q": text, "query_by": "title,text", "query_by_weights": "3,1",
                                     "include_fields": "id", "per_page": 10})
        return found.get("found", 0)

    return {"and": timed(lambda q: run(q, False), queries), "phrase": timed(lambda q: run(q, True), queries)}


def jobs_in_parallel(args, jobs: list[tuple[str, int]], cpus: list[int]) -> list[tuple]:
    """Each (engine, size) in its own process, pinned to its own core, as many
    at once as there are cores given; the longest jobs start first."""
    import subprocess

    order = {"whoosh": 0, "typesense": 0, "wagtail": 1, "tantivy": 2}
    pending = sorted(jobs, key=lambda j: (order.get(j[0], 3), -j[1]))
    running: list[tuple[subprocess.Popen, int, Path]] = []
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="search-bench-rows-"))
    free = list(cpus)
    while pending or running:
        while pending and free:
            engine, n = pending.pop(0)
            cpu = free.pop(0)
            out = tmp / ("%s-%d.json" % (engine, n))
            cmd = [sys.executable, __file__, "--engines", engine, "--sizes", str(n), "--cpu", str(cpu),
                   "--rows-json", str(out), "--slow-queries", str(args.slow_queries),
                   "--wagtail-limit", str(args.wagtail_limit), "--whoosh-max", str(args.whoosh_max)]
            running.append((subprocess.Popen(cmd), cpu, out))
        time.sleep(1)
        for job in list(running):
            proc, cpu, out = job
            if proc.poll() is not None:
                running.remove(job)
                free.append(cpu)
                if proc.returncode != 0 or not out.exists():
                    raise SystemExit("a benchmark job failed: %s" % out.name)
                rows.extend(tuple(r) for r in json.loads(out.read_text()))
    shutil.rmtree(tmp, ignore_errors=True)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--engines", default="whoosh,tantivy,wagtail",
                        help="comma-separated: whoosh, tantivy, wagtail, typesense")
    parser.add_argument("--whoosh-max", type=int, default=20000, help="Whoosh only up to this size (it is slow)")
    parser.add_argument("--slow-queries", type=int, default=0,
                        help="Whoosh and Wagtail's database backend answer only an evenly spread subset of "
                             "this many queries; 0 = all")
    parser.add_argument("--wagtail-limit", type=float, default=2.0,
                        help="seconds after which one Wagtail database search is stopped and counted as out of time")
    parser.add_argument("--jobs", type=int, default=1,
                        help="run engines/sizes in this many processes at once, each pinned to its own core")
    parser.add_argument("--cpu", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--rows-json", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    jobs = [(e, n) for n in args.sizes for e in engines if not (e == "whoosh" and n > args.whoosh_max)]
    started = time.perf_counter()

    if args.jobs > 1 and len(jobs) > 1:
        cpus = sorted(os.sched_getaffinity(0))[-args.jobs :]
        print("search bench: %d jobs, %d at a time, each pinned to one of CPUs %s" % (len(jobs), len(cpus), cpus), flush=True)
        rows = jobs_in_parallel(args, jobs, cpus)
    else:
        pinned = one_core(args.cpu)
        tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
        try:
            setup_django(tmp)
            corpus = load_corpus()
            library = Library(corpus)
            queries = make_queries(corpus)
            kinds = Counter(k for k, _ in queries)
            print("search bench: %d corpus documents, %d queries (%s), %s, temp %s" % (
                len(corpus), len(queries), ", ".join("%s %d" % kv for kv in kinds.items()), pinned, tmp), flush=True)
            wagtail_doc = wagtail_model() if "wagtail" in engines else None
            rows = []
            for engine, n in jobs:
                rows.append(run_one(engine, n, library, queries, tmp, args, wagtail_doc))
                print_row(*rows[-1], limit=args.wagtail_limit)
        finally:
            if not args.keep:
                shutil.rmtree(tmp, ignore_errors=True)
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
        return 0
    print()
    print_table(rows, args.wagtail_limit)
    print("\nwall time %.1f min" % ((time.perf_counter() - started) / 60))
    return 0


HEADER = ("| engine | documents | docs/s | index size | p50 ms | p95 ms | p50 facets | p95 facets | p50 API | p95 API "
          "| queries finding something / timed | out of time (plain / facets) |")


def _ms(value: float, limit: float) -> str:
    return "> %d" % (limit * 1000) if value == float("inf") else "%.2f" % value


def fmt_row(engine, n, rate, size, m, limit: float = 2.0) -> str:
    api = m["api"]
    return "| %s | %s | %.0f | %.0f MB | %s | %s | %s | %s | %s | %s | %d / %d | %d / %d |" % (
        engine, format(n, ","), rate, size / 1e6,
        _ms(m["plain"]["p50"], limit), _ms(m["plain"]["p95"], limit),
        _ms(m["facets"]["p50"], limit), _ms(m["facets"]["p95"], limit),
        _ms(api["p50"], limit) if api else "–", _ms(api["p95"], limit) if api else "–",
        m["plain"]["found"], m["n"], m["plain"]["out_of_time"], m["facets"]["out_of_time"])


def print_row(*row, limit: float = 2.0) -> None:
    print(fmt_row(*row, limit=limit), flush=True)
    print_citizen(row)


def print_citizen(row) -> None:
    """The citizen query kinds of one row (tantivy): service p50/p95, suggestions through the URL."""
    engine, n, _rate, _size, m = row
    citizen = m.get("citizen") if isinstance(m, dict) else None
    if not citizen:
        return
    parts = []
    for kind, t in sorted(citizen.items()):
        if isinstance(t, dict):
            parts.append("%s p50 %.1f / p95 %.1f ms (%d/%d found)" % (kind, t["p50"], t["p95"], t["found"], t["n"]))
    print("  %s %s citizen kinds: %s; suggestions built in %.1f s" % (
        engine, format(n, ","), "; ".join(parts), citizen.get("suggest_build_s", 0)), flush=True)


def print_table(rows, limit: float = 2.0) -> None:
    order = {"tantivy": 0, "typesense": 1, "whoosh": 2, "wagtail": 3}
    rows = sorted(rows, key=lambda r: (r[1], order.get(r[0], 3)))
    print(HEADER)
    print("|" + "---|" * 12)
    for row in rows:
        print(fmt_row(*row, limit=limit))
    print()
    for row in rows:
        print_citizen(row)
    by = {(e, n): (rate, m) for e, n, rate, _, m in rows}
    print()

    def ratio(slow: float, fast: float) -> str:
        if slow == float("inf"):
            return "more than %.0f×" % (limit * 1000 / max(fast, 1e-3))
        return "%.1f×" % (slow / max(fast, 1e-3))

    print_shared_engine(rows)
    for n in sorted({r[1] for r in rows}):
        t = by.get(("tantivy", n))
        for other in ("whoosh", "wagtail"):
            o = by.get((other, n))
            if t and o:
                print("%s documents: tantivy vs %s: indexing %.1f× faster, p95 %s lower, p95 with facets %s lower" % (
                    format(n, ","), other, t[0] / o[0], ratio(o[1]["plain"]["p95"], t[1]["plain"]["p95"]),
                    ratio(o[1]["facets"]["p95"], t[1]["facets"]["p95"])))


def print_shared_engine(rows) -> None:
    """Typesense's own figures (memory, raw AND and phrase) and its ratios to
    tantivy at the same size (above 1: Typesense is slower / bigger)."""
    by = {(e, n): (rate, size, m) for e, n, rate, size, m in rows}
    for n in sorted({r[1] for r in rows}):
        ts = by.get(("typesense", n))
        if not ts:
            continue
        rate, size, m = ts
        raw = m.get("raw") or {}
        print("%s documents: typesense server memory %.2f GB, data %.0f MB; raw AND p50/p95 %.1f/%.1f ms, "
              "raw phrase p50/p95 %.1f/%.1f ms" % (
                  format(n, ","), m.get("memory", 0) / 1e9, size / 1e6, raw["and"]["p50"], raw["and"]["p95"],
                  raw["phrase"]["p50"], raw["phrase"]["p95"]))
        t = by.get(("tantivy", n))
        if t:
            tm = t[2]
            print("%s documents: typesense vs tantivy: indexing %.2f× tantivy's rate, p95 %.1f×, p95 with facets %.1f×, "
                  "API p95 %.1f×, data %.1f× the index size" % (
                      format(n, ","), rate / t[0], m["plain"]["p95"] / max(tm["plain"]["p95"], 1e-3),
                      m["facets"]["p95"] / max(tm["facets"]["p95"], 1e-3),
                      m["api"]["p95"] / max(tm["api"]["p95"], 1e-3), size / max(t[1], 1)))


if __name__ == "__main__":
    sys.exit(main())
