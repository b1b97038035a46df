"""The embedded database (SQLite) with several writers, as in the demo: web
processes and the Celery worker. A transaction that reads and then writes must
wait for another writer's commit, not fail at once with "database is locked"
(WAL refuses to upgrade a read snapshot that another writer has overtaken)."""
import subprocess
import sys
import textwrap

from django.conf import settings

SCRIPT = textwrap.dedent('''
    import sys, threading, time
    import django
    from django.conf import settings
    settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": sys.argv[1],
                                              "OPTIONS": OPTIONS}})
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as c:
        c.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT)")
    read, written = threading.Event(), threading.Event()
    failures = []

    def editor():  # reads, waits for the other writer, then writes: what a publish does
        try:
            with transaction.atomic():
                with connection.cursor() as c:
                    c.execute("SELECT COUNT(*) FROM note")
                    read.set()
                    written.wait(2)
                    c.execute("INSERT INTO note (text) VALUES ('editor')")
        except Exception as exc:
            failures.append(f"editor: {exc}")
        finally:
            read.set()
            connection.close()

    def worker():  # writes and commits while the editor's transaction is open
        read.wait(5)
        try:
            with transaction.atomic():
                with connection.cursor() as c:
                    c.execute("INSERT INTO note (text) VALUES ('worker')")
        except Exception as exc:
            failures.append(f"worker: {exc}")
        finally:
            written.set()
            connection.close()

    threads = [threading.Thread(target=editor), threading.Thread(target=worker)]
    for t in threads: t.start()
    for t in threads: t.join()
    with connection.cursor() as c:
        c.execute("SELECT text FROM note ORDER BY id")
        print(failures, [r[0] for r in c.fetchall()])
''')


def test_a_write_after_a_read_waits_for_the_other_writer_instead_of_failing(tmp_path):
    from govsite.settings.base import SQLITE_OPTIONS

    script = f"OPTIONS = {SQLITE_OPTIONS!r}\n" + SCRIPT
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "db.sqlite3")], cwd=settings.BASE_DIR,
                         capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    # both writes kept, the editor's first (it held the lock from its first statement)
    assert out == "[] ['editor', 'worker']", out
