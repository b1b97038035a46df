"""bin/services-up on a bare Debian machine: it installs PostgreSQL and Redis,
creates the test role and database and starts both; where they run, it asks
for nothing.

The real apt-get cannot run in a test, so PATH holds recording stand-ins: an
apt-get whose "install" puts stand-ins of the packages' commands on PATH
(pg_isready answers once pg_ctlcluster has started the cluster, redis-cli once
redis-server has), and runuser/mkdir that record instead of touching the system.
"""

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SYSTEM_TOOLS = ("bash", "id", "awk", "sort", "tail", "head", "ls", "seq", "sleep", "grep", "cat", "touch", "cp")

TOOL = """#!{bash}
echo "{name} $*" >> "$FAKE_STATE/calls.log"
{body}
"""
BODIES = {
    # postgresql
    "pg_isready": '[ -f "$FAKE_STATE/pg-up" ] || exit 2; echo "127.0.0.1:5432 - accepting connections"',
    "pg_lsclusters": 'echo "15 main 5432 down postgres /var/lib/postgresql/15/main /var/log/postgresql.log"',
    "pg_ctlcluster": '[ "$4" = start ] && touch "$FAKE_STATE/pg-up"; exit 0',
    "pg_createcluster": "exit 0",
    "psql": '[ -f "$FAKE_STATE/role-exists" ] && echo 1; exit 0',
    "createdb": "exit 0",
    # redis-server
    "redis-server": 'touch "$FAKE_STATE/redis-up"',
    "redis-cli": '[ -f "$FAKE_STATE/redis-up" ] || exit 1; echo PONG',
}
PACKAGES = {
    "postgresql": ("pg_isready", "pg_lsclusters", "pg_ctlcluster", "pg_createcluster", "psql", "createdb"),
    "redis-server": ("redis-server", "redis-cli"),
}
APT_GET = """#!{bash}
echo "$*" >> "$FAKE_STATE/apt-get.log"
[ "$1" = install ] || exit 0
for package in "$@"; do
  case "$package" in
{cases}
  esac
done
"""


def _tool(bindir: Path, name: str, body: str) -> None:
    path = bindir / name
    path.write_text(TOOL.format(bash=shutil.which("bash"), name=name, body=body))
    path.chmod(0o755)


def _fake_machine(tmp_path: Path, *, installed: bool) -> tuple[Path, dict]:
    bindir, state = tmp_path / "bin", tmp_path / "state"
    bindir.mkdir()
    state.mkdir()
    for name in SYSTEM_TOOLS:
        (bindir / name).symlink_to(shutil.which(name))
    # runuser -u postgres -- cmd...: run cmd (here: a stand-in) without switching users
    _tool(bindir, "runuser", 'shift 3; exec "$@"')
    _tool(bindir, "mkdir", "exit 0")
    # "installing" a package puts stand-ins of its commands on PATH
    cases = "\n".join(
        f"    {package}) " + "; ".join(f"cp \"$FAKE_STATE/tools/{t}\" \"$FAKE_BIN/{t}\"" for t in tools) + " ;;"
        for package, tools in PACKAGES.items()
    )
    apt = bindir / "apt-get"
    apt.write_text(APT_GET.format(bash=shutil.which("bash"), cases=cases))
    apt.chmod(0o755)
    (state / "tools").mkdir()
    for name, body in BODIES.items():
        _tool(state / "tools", name, body)
        if installed:
            shutil.copy(state / "tools" / name, bindir / name)
    if installed:
        for running in ("pg-up", "redis-up", "role-exists"):
            (state / running).touch()
    env = {"PATH": str(bindir), "FAKE_STATE": str(state), "FAKE_BIN": str(bindir), "HOME": str(tmp_path)}
    return state, env


def _run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shutil.which("bash"), str(REPO / "bin" / "services-up")], env=env, capture_output=True, text=True, timeout=120,
    )


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def test_bare_machine_gets_postgresql_and_redis_installed_set_up_and_started(tmp_path):
    state, env = _fake_machine(tmp_path, installed=False)
    result = _run(env)
    assert result.returncode == 0, result.stdout + result.stderr
    apt = _lines(state / "apt-get.log")
    assert apt[0] == "update -qq"
    assert apt[1].startswith("install -y") and apt[1].split()[-2:] == ["postgresql", "redis-server"]
    calls = _lines(state / "calls.log")
    assert "pg_ctlcluster --skip-systemctl-redirect 15 main start" in calls
    assert any(c.startswith("psql -qc CREATE ROLE govsite LOGIN CREATEDB") for c in calls)
    assert "createdb -O govsite govsite" in calls
    assert any(c.startswith("redis-server --daemonize yes --bind 127.0.0.1") for c in calls)
    # the servers answer at the end
    assert "accepting connections" in result.stdout and "PONG" in result.stdout


def test_machine_with_running_servers_asks_for_nothing(tmp_path):
    state, env = _fake_machine(tmp_path, installed=True)
    result = _run(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _lines(state / "apt-get.log") == []
    calls = _lines(state / "calls.log")
    assert not [c for c in calls if c.split()[0] in ("pg_ctlcluster", "pg_createcluster", "redis-server", "createdb")]
    assert not [c for c in calls if "CREATE ROLE" in c]


def test_the_suite_uses_the_role_services_up_creates():
    script = (REPO / "bin" / "test").read_text()
    assert "postgres://govsite:govsite@127.0.0.1:5432/govsite" in script
    assert os.access(REPO / "bin" / "services-up", os.X_OK)
