"""Only engines the suite tests can be chosen; a wrong name stops the start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check(engine: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SEARCH_ENGINE=engine, PYTHONPATH=str(ROOT / "site"), DATA_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="govsite.settings.dev")
    return subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_an_untested_engine_is_refused_with_a_clear_message(tmp_path):
    result = _check("elasticsearch", tmp_path)
    assert result.returncode != 0
    assert "SEARCH_ENGINE='elasticsearch': choose one of whoosh, tantivy" in result.stderr


def test_the_tested_engines_start(tmp_path):
    assert _check("tantivy", tmp_path).returncode == 0
