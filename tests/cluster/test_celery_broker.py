"""The folder broker keeps its control files (exchange tables) in DATA_DIR, not in
whatever directory the worker or the web server was started from."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Ping the worker until it answers (a broadcast on the pidbox exchange, with a
# reply queue), then send it a task.
PING = """
import time
import django
django.setup()
from govsite.celery import app
deadline = time.time() + 90
while not (replies := app.control.ping(timeout=1)):
    assert time.time() < deadline, "the worker never answered"
app.send_task("formguard.tasks.purge_used_tokens")
print("answered", replies)
"""


def test_worker_and_broadcast_write_control_files_under_data_dir(tmp_path):
    data_dir, elsewhere = tmp_path / "data", tmp_path / "started-here"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
    env.update({
        "PYTHONPATH": os.pathsep.join([str(REPO / "site"), str(REPO)]),
        "DJANGO_SETTINGS_MODULE": "govsite.settings.test", "DATA_DIR": str(data_dir),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    })
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "govsite", "worker", "--pool=solo", "--without-heartbeat",
         "--without-gossip", "--without-mingle", "--loglevel=INFO"],
        cwd=elsewhere, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", PING], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=150,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
    assert result.returncode == 0 and "answered" in result.stdout, (
        result.stderr[-2000:] + (tmp_path / "worker.log").read_text()[-2000:]
    )
    assert not (elsewhere / "control").exists(), list((elsewhere / "control").iterdir())
    control = {p.name for p in (data_dir / "celery" / "control").iterdir()}
    assert {"celery.exchange", "celery.pidbox.exchange", "reply.celery.pidbox.exchange"} <= control


def test_no_control_folder_in_the_repository():
    assert not (REPO / "control").exists()
