"""Nothing lost across processes: two writers, SIGKILL right after a save, read-only places.

Each scenario runs real Python subprocesses against one database file. Permission cases drop
root's override capabilities with ``setpriv`` when the tests run as root, so file modes bite.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.notes.helpers import ARTICLE, make_doc
from tui.notes import NoteStore
from tui.notes.store import FILENAME

TESTS_DIR = Path(__file__).resolve().parent
PRELUDE = """
import json, sys, time
from pathlib import Path
from fixtures.notes.helpers import ARTICLE, make_doc
from tui.notes import NoteStore, NoteStoreUnavailable
doc = make_doc(ARTICLE, path="story.txt")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS_DIR), env.get("PYTHONPATH", "")]))
    return env


def _spawn(code: str, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*prefix, sys.executable, "-c", PRELUDE + code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / FILENAME  # not created yet: both race to create and migrate it
    code = """
store = NoteStore(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
for i in range(50):
    store.add(doc, doc.statements[i % len(doc.statements)], f"{sys.argv[2]} {i} #w{sys.argv[2]}")
print("done", flush=True)
"""
    writers = [_spawn(code, str(db), name) for name in ("a", "b")]
    for proc in writers:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in writers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    store = NoteStore(db)
    bodies = sorted(n.body for n in store.all_notes())
    assert bodies == sorted([f"{w} {i} #w{w}" for w in "ab" for i in range(50)])
    assert dict(store.tags()) == {"wa": 50, "wb": 50}
    assert len({n.id for n in store.all_notes()}) == 100


def test_sigkill_right_after_save_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / FILENAME
    code = """
store = NoteStore(Path(sys.argv[1]))
note = store.add(doc, doc.statements[2], "saved before the kill #verify")
print("saved", note.id, flush=True)
line = sys.stdin.readline()
note = store.update(note.id, "edited before the kill #confirmed", note.revision)
print("updated", flush=True)
time.sleep(60)
"""
    proc = _spawn(code, str(db))
    assert proc.stdout is not None and proc.stdin is not None
    first = proc.stdout.readline().split()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert first[0] == "saved"
    notes = NoteStore(db).all_notes()
    assert [(n.id, n.body) for n in notes] == [(first[1], "saved before the kill #verify")]

    proc = _spawn(code, str(db))
    assert proc.stdout is not None and proc.stdin is not None
    second_id = proc.stdout.readline().split()[1]
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "updated"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    store = NoteStore(db)
    assert store.get(second_id).body == "edited before the kill #confirmed"
    assert store.get(second_id).tags == ("confirmed",)
    assert len(store.all_notes()) == 2


# -- permissions ------------------------------------------------------------------------------


def _unprivileged() -> tuple[str, ...]:
    """A command prefix under which file modes apply even to root."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make file modes bite")
    caps = "-dac_override,-dac_read_search,-fowner"
    return (setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}")


PROBE = """
store = NoteStore.open_or_disabled(Path(sys.argv[1]))
result = {"available": store.available, "readable": store.readable, "reason": store.reason}
try:
    result["bodies"] = [n.body for n in store.all_notes()]
except NoteStoreUnavailable as error:
    result["bodies"] = None
    result["read_error"] = error.message
try:
    store.add(doc, doc.statements[0], "should not be saved")
    result["saved"] = True
except NoteStoreUnavailable as error:
    result["saved"] = False
    result["save_error"] = error.message
print(json.dumps(result))
"""


def _probe(db: Path) -> dict[str, object]:
    proc = _spawn(PROBE, str(db), prefix=_unprivileged())
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def _store_with_one_note(directory: Path) -> Path:
    db = directory / FILENAME
    store = NoteStore(db)
    store.add(make_doc(ARTICLE), make_doc(ARTICLE).statements[1], "existing note")
    store.close()
    assert sorted(p.name for p in directory.iterdir()) == [FILENAME]
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def restore_modes(tmp_path: Path):  # type: ignore[no-untyped-def]
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.usefixtures("restore_modes")
def test_read_only_data_dir_without_a_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    result = _probe(data / FILENAME)
    assert result["available"] is False and result["readable"] is False
    reason = str(result["reason"])
    assert reason.startswith(str(data / FILENAME)) and "cannot create" in reason
    assert result["bodies"] is None and result["saved"] is False
    assert list(data.iterdir()) == []


@pytest.mark.usefixtures("restore_modes")
def test_read_only_data_dir_shows_existing_notes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = _store_with_one_note(data)
    before = _digest(db)
    data.chmod(0o555)
    result = _probe(db)
    assert result["readable"] is True and result["available"] is False
    assert result["bodies"] == ["existing note"]
    assert result["saved"] is False
    assert str(result["save_error"]).startswith(f"{db}: ") and "read-only" in str(result["save_error"])
    assert _digest(db) == before
    assert sorted(p.name for p in data.iterdir()) == [FILENAME]


@pytest.mark.usefixtures("restore_modes")
def test_read_only_database_file_shows_existing_notes(tmp_path: Path) -> None:
    db = _store_with_one_note(tmp_path)
    before = _digest(db)
    db.chmod(0o444)
    result = _probe(db)
    assert result["readable"] is True and result["available"] is False
    assert result["bodies"] == ["existing note"] and result["saved"] is False
    assert "read-only" in str(result["reason"])
    assert _digest(db) == before


@pytest.mark.usefixtures("restore_modes")
def test_unreadable_database_file_is_reported(tmp_path: Path) -> None:
    db = _store_with_one_note(tmp_path)
    db.chmod(0o000)
    result = _probe(db)
    assert result["readable"] is False and result["available"] is False
    assert str(result["reason"]) == f"{db}: cannot read the notes database (Permission denied); notes are disabled"
    db.chmod(0o644)
    assert [n.body for n in NoteStore(db).all_notes()] == ["existing note"]


def _crashed_store(directory: Path, committed: int, in_log: int) -> Path:
    """A store as a crash leaves it: ``committed`` notes in the database file, ``in_log`` more
    only in its ``-wal`` log (the files are copied while the writer still has them open)."""
    work = directory.parent / f"{directory.name}-writer"
    work.mkdir()
    store = NoteStore(work / FILENAME)
    doc = make_doc(ARTICLE)
    for i in range(committed):
        store.add(doc, doc.statements[i % 5], f"checkpointed {i}")
    conn = store._conn
    assert conn is not None
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(in_log):
        store.add(doc, doc.statements[i % 5], f"only in the log {i}")
    directory.mkdir()
    for name in (FILENAME, f"{FILENAME}-wal", f"{FILENAME}-shm"):
        shutil.copyfile(work / name, directory / name)
    store.close()
    shutil.rmtree(work)
    assert (directory / f"{FILENAME}-wal").stat().st_size > 0
    return directory / FILENAME


@pytest.mark.usefixtures("restore_modes")
@pytest.mark.parametrize("shm", [False, True], ids=["log-without-shm", "log-and-shm"])
def test_read_only_data_dir_after_a_crash_shows_the_notes_in_the_log(tmp_path: Path, shm: bool) -> None:
    """Before: without a usable ``-shm`` index only ``immutable=1`` opened, and it ignores the log
    (100 of 150 notes shown)."""
    data = tmp_path / "data"
    db = _crashed_store(data, committed=100, in_log=50)
    if not shm:
        (data / f"{FILENAME}-shm").unlink()
    before = {p.name: _digest(p) for p in data.iterdir()}
    for path in data.iterdir():  # as on a read-only mount: nothing here may be written
        path.chmod(0o444)
    data.chmod(0o555)
    result = _probe(db)
    assert result["readable"] is True and result["available"] is False
    bodies = result["bodies"]
    assert isinstance(bodies, list) and len(bodies) == 150, f"{len(bodies or [])} of 150 notes shown"
    assert sum(b.startswith("only in the log") for b in bodies) == 50
    assert "read-only" in str(result["reason"]) and result["saved"] is False
    assert {p.name: _digest(p) for p in data.iterdir()} == before, "the original files are not touched"
