"""The notes store: round trips, revisions, soft delete and undo, schema migration, bad files."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.notes.helpers import ARTICLE, make_doc, statement
from tui.notes import (
    AnchorState,
    NoteConflictError,
    NoteError,
    NoteNotFound,
    NoteStore,
    NoteStoreUnavailable,
    parse_tags,
)
from tui.notes.store import FILENAME, MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION


class Clock:
    """Deterministic time: each call one second later."""

    def __init__(self) -> None:
        self.now = datetime(2025, 11, 26, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / FILENAME


@pytest.fixture
def doc():  # type: ignore[no-untyped-def]
    return make_doc(ARTICLE, path="story.txt")


# -- laziness and defaults --------------------------------------------------------------------


def test_nothing_is_created_until_the_first_note(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    assert store.all_notes() == []
    assert store.notes_for([doc]) == []
    assert store.tags() == []
    assert not db.parent.exists()
    store.add(doc, doc.statements[0], "first")
    assert db.is_file()


def test_default_store_lives_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDREADER_DATA_DIR", str(tmp_path / "env"))
    assert NoteStore.default().path == tmp_path / "env" / "notes.sqlite3"
    assert NoteStore.default(tmp_path / "flag").path == tmp_path / "flag" / "notes.sqlite3"
    assert not (tmp_path / "env").exists()


def test_database_settings(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db).open()
    store.add(doc, doc.statements[0], "x")
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert store._conn is not None
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


# -- round trips ------------------------------------------------------------------------------


def test_note_round_trips_through_a_fresh_store(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    target = statement(doc, "Manas airport")
    note = NoteStore(db, clock=Clock()).add(doc, target, "Which terminal? #verify")
    again = NoteStore(db).get(note.id)
    assert again == note
    assert note.quote == target.text
    assert note.prefix == doc.text[target.start - 32 : target.start]
    assert note.suffix == doc.text[target.end : target.end + 32]
    assert (note.start, note.end) == (target.start, target.end)
    assert note.fingerprint == doc.fingerprint
    assert note.doc_path == "story.txt"
    assert Path(note.doc_abspath).is_absolute() and note.doc_abspath.endswith("story.txt")
    assert note.tags == ("verify",)
    assert note.created_at == note.updated_at == "2025-11-26T09:00:01.000Z"
    assert note.revision == 1 and note.deleted_at is None


def test_tags_are_unicode_words_after_a_hash() -> None:
    assert parse_tags("#verify this, #False and #confirmed; #verify again") == ("verify", "false", "confirmed")
    assert parse_tags("проверка #проверить и #تحقق and #needs-source") == ("проверить", "تحقق", "needs-source")
    assert parse_tags("#1 priority, see http://x.org/#top or &#39; or a#b") == ()
    assert parse_tags("") == ()


def test_update_bumps_revision_and_keeps_created(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db, clock=Clock())
    note = store.add(doc, doc.statements[1], "draft #verify")
    updated = store.update(note.id, "checked #confirmed", expected_revision=1)
    assert updated.revision == 2
    assert updated.body == "checked #confirmed"
    assert updated.tags == ("confirmed",)
    assert updated.created_at == note.created_at < updated.updated_at
    assert store.tags() == [("confirmed", 1)]
    assert NoteStore(db).get(note.id) == updated


def test_stale_update_from_another_reader_is_refused(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    first, second = NoteStore(db), NoteStore(db)
    note = first.add(doc, doc.statements[0], "one")
    seen_by_second = second.get(note.id)
    first.update(note.id, "first reader's edit", expected_revision=1)
    with pytest.raises(NoteConflictError) as caught:
        second.update(note.id, "second reader's edit", expected_revision=seen_by_second.revision)
    assert "changed by another reader" in caught.value.message
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert first.get(note.id).body == "first reader's edit"


def test_update_of_a_note_deleted_meanwhile_is_a_conflict(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    first, second = NoteStore(db), NoteStore(db)
    note = first.add(doc, doc.statements[0], "one")
    first.delete(note.id)
    with pytest.raises(NoteConflictError, match="deleted by another reader"):
        second.update(note.id, "edit", expected_revision=1)
    with pytest.raises(NoteNotFound):
        second.update("no-such-id", "edit", expected_revision=1)


def test_delete_is_soft_and_restore_undoes_it(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    keep = store.add(doc, doc.statements[0], "keep #a")
    note = store.add(doc, doc.statements[2], "twelve? #verify")
    deleted = store.delete(note.id, expected_revision=1)
    assert deleted.deleted_at is not None and deleted.body == note.body
    assert [n.id for n in store.all_notes()] == [keep.id]
    assert [a.note.id for a in store.notes_for([doc])] == [keep.id]
    assert store.tags() == [("a", 1)]
    with pytest.raises(NoteNotFound):
        store.get(note.id)
    assert store.get(note.id, include_deleted=True).deleted_at == deleted.deleted_at

    restored = store.restore(deleted)
    assert restored.id == note.id and restored.body == note.body and restored.tags == ("verify",)
    assert restored.deleted_at is None and restored.revision == deleted.revision + 1
    assert {n.id for n in NoteStore(db).all_notes()} == {keep.id, note.id}


def test_restore_reinserts_a_note_that_is_gone(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    note = store.delete(store.add(doc, doc.statements[0], "gone #x").id)
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA foreign_keys = ON")
    with raw:
        raw.execute("DELETE FROM notes WHERE id = ?", (note.id,))
    assert raw.execute("SELECT count(*) FROM note_tags").fetchone()[0] == 0  # cascaded
    raw.close()
    back = store.restore(note)
    assert back.body == "gone #x" and back.tags == ("x",) and back.deleted_at is None


def test_stale_delete_is_refused(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    note = store.add(doc, doc.statements[0], "one")
    store.update(note.id, "two", 1)
    with pytest.raises(NoteConflictError):
        store.delete(note.id, expected_revision=1)
    assert store.get(note.id).body == "two"


def test_bad_input_is_refused_clearly(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    with pytest.raises(NoteError, match="not valid Unicode"):
        store.add(doc, doc.statements[0], "half a pair \ud83d")
    with pytest.raises(ValueError, match="outside story.txt"):
        store.add_range(doc, 5, len(doc.text) + 1, "x")
    assert not db.exists()


def test_notes_follow_the_document_not_the_invocation(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    store.add(doc, statement(doc, "twelve agreements"), "#verify")
    other = make_doc("An unrelated article. Nothing here.", "d1", "other.txt")
    same_again = make_doc(ARTICLE, "d2", "story.txt")
    placed = NoteStore(db).notes_for([other, same_again])
    assert [(a.doc_id, a.statement_id, a.state) for a in placed] == [("d2", "d2:2", AnchorState.OK)]
    assert NoteStore(db).notes_for([other]) == []


# -- any text round-trips -----------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=2000))
def test_any_unicode_note_text_round_trips(tmp_path: Path, body: str) -> None:
    doc = make_doc(ARTICLE)
    store = NoteStore(tmp_path / FILENAME)
    note = store.add(doc, doc.statements[0], body)
    again = NoteStore(tmp_path / FILENAME).get(note.id)
    assert again.body == body
    assert again.tags == parse_tags(body)


def test_large_mixed_script_note_round_trips(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    chunk = "Emoji 👩🏽‍💻🇰🇬 עברית עם ניקוד שָׁלוֹם، العربية‏ RTL\u202e mixed\u202c \x00 nul\r\n"
    body = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    store = NoteStore(db)
    note = store.add(doc, doc.statements[0], body)
    store.close()
    assert NoteStore(db).get(note.id).body == body
    assert len(body) == 100_000


# -- schema migration ---------------------------------------------------------------------------


def _v1_database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path)
    for sql in SCHEMA_V1:
        raw.execute(sql)
    rows = [
        ("n1", "fp", "story.txt", "/abs/story.txt", "Quote one.", "", " next", 0, 10, "Check #Verify #false", "2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z", 3, None),  # noqa: E501
        ("n2", "fp", "story.txt", "/abs/story.txt", "Quote two.", "x ", "", 12, 22, "no tags ✓ 👍", "2025-01-02T00:00:00.000Z", "2025-01-02T00:00:00.000Z", 1, None),  # noqa: E501
        ("n3", "fp", "story.txt", "/abs/story.txt", "Gone.", "", "", 30, 35, "deleted #old", "2025-01-03T00:00:00.000Z", "2025-01-03T00:00:00.000Z", 2, "2025-01-04T00:00:00.000Z"),  # noqa: E501
    ]
    raw.executemany("INSERT INTO notes VALUES (" + ", ".join("?" * 14) + ")", rows)
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()


def test_v1_database_upgrades_with_data_intact(db: Path) -> None:
    _v1_database(db)
    store = NoteStore(db)
    assert store.schema_version == SCHEMA_VERSION
    notes = {n.id: n for n in store.all_notes(include_deleted=True)}
    assert set(notes) == {"n1", "n2", "n3"}
    assert notes["n1"].body == "Check #Verify #false" and notes["n1"].tags == ("verify", "false")
    assert notes["n1"].revision == 3 and notes["n1"].created_at == "2025-01-01T00:00:00.000Z"
    assert notes["n2"].body == "no tags ✓ 👍" and notes["n2"].tags == ()
    assert notes["n3"].deleted_at == "2025-01-04T00:00:00.000Z"
    assert (notes["n2"].quote, notes["n2"].prefix, notes["n2"].start, notes["n2"].end) == ("Quote two.", "x ", 12, 22)
    assert store.tags() == [("false", 1), ("verify", 1)]
    assert all(note.rating is None for note in notes.values())
    assert store.update("n1", "now #confirmed", expected_revision=3).tags == ("confirmed",)


def _database_at(path: Path, version: int) -> None:
    """A store as seedreader left it at schema ``version`` (0: an empty file), with the v1 rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if version == 0:
        sqlite3.connect(path).close()
        return
    _v1_database(path)
    raw = sqlite3.connect(path)
    for migration in MIGRATIONS[1:version]:
        migration(raw)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.commit()
    raw.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_schema_upgrades_and_takes_ratings(db: Path, doc, version: int) -> None:  # type: ignore[no-untyped-def]
    _database_at(db, version)
    store = NoteStore(db)
    assert store.schema_version == SCHEMA_VERSION
    old = {n.id: n for n in store.all_notes(include_deleted=True)}
    assert set(old) == (set() if version == 0 else {"n1", "n2", "n3"})
    assert all(n.rating is None for n in old.values())
    if version:
        assert old["n1"].tags == ("verify", "false") and old["n1"].revision == 3
        rated = store.update("n1", old["n1"].body, expected_revision=3, rating="false")
        assert rated.rating == "false" and rated.tags == ("verify", "false")
    fresh = store.add(doc, doc.statements[0], "new", rating="mostly true")
    assert NoteStore(db).get(fresh.id).rating == "mostly true"


def test_rating_round_trips_keeps_clears_and_survives_undo(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db, clock=Clock())
    note = store.add(doc, doc.statements[0], "wrong date #date", rating="  mostly   false ")
    assert note.rating == "mostly false"
    kept = store.update(note.id, "wrong date, checked #date", note.revision)
    assert kept.rating == "mostly false"
    changed = store.update(note.id, kept.body, kept.revision, rating="false")
    assert NoteStore(db).get(note.id).rating == "false"
    deleted = store.delete(note.id, changed.revision)
    assert store.restore(deleted).rating == "false"
    cleared = store.update(note.id, kept.body, store.get(note.id).revision, rating=None)
    assert cleared.rating is None and store.get(note.id).rating is None
    assert store.add(doc, doc.statements[1], "blank", rating="   ").rating is None


@pytest.mark.parametrize("bad", ["x" * 61, "fa\u202else", "fa\x1blse"])
def test_a_rating_must_be_a_short_printable_label(db: Path, doc, bad: str) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    with pytest.raises(NoteError):
        store.add(doc, doc.statements[0], "x", rating=bad)
    assert store.all_notes() == []


def test_migrated_schema_equals_a_fresh_one(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    _v1_database(tmp_path / "old" / FILENAME)
    NoteStore(tmp_path / "old" / FILENAME).open()
    NoteStore(tmp_path / "new" / FILENAME).open()

    def schema(path: Path) -> list[tuple[str, str]]:
        raw = sqlite3.connect(path)
        rows = raw.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        raw.close()
        return rows

    assert schema(tmp_path / "old" / FILENAME) == schema(tmp_path / "new" / FILENAME)


# -- unusable databases are left alone --------------------------------------------------------


def _assert_disabled(store: NoteStore, path: Path, words: str) -> None:
    assert not store.available and not store.readable
    assert store.reason is not None and "\n" not in store.reason
    assert store.reason.startswith(f"{path}: ") and words in store.reason
    with pytest.raises(NoteStoreUnavailable) as caught:
        store.all_notes()
    assert caught.value.message == store.reason


def test_garbage_file_is_reported_and_left_untouched(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not sqlite, it is my diary\n" * 100)
    before = digest(db)
    store = NoteStore.open_or_disabled(db)
    _assert_disabled(store, db, "not a SQLite database")
    with pytest.raises(NoteStoreUnavailable):
        store.add(doc, doc.statements[0], "x")
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == [FILENAME]


def test_damaged_pages_are_reported_and_left_untouched(db: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(db)
    for i in range(200):
        store.add(doc, doc.statements[i % 5], f"note {i} " + "x" * 200)
    store.close()
    data = bytearray(db.read_bytes())
    assert len(data) > 8 * 4096
    data[4096 * 2 : 4096 * 6] = b"\xde\xad\xbe\xef" * 4096
    db.write_bytes(bytes(data))
    before = digest(db)
    store = NoteStore.open_or_disabled(db)
    _assert_disabled(store, db, "corrupt")
    assert digest(db) == before


def test_newer_schema_and_foreign_databases_are_not_touched(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    raw = sqlite3.connect(newer)
    raw.execute("CREATE TABLE notes (id TEXT)")
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    foreign = tmp_path / "foreign.sqlite3"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE invoices (id INTEGER)")
    raw.commit()
    raw.close()
    before = digest(newer), digest(foreign)
    _assert_disabled(NoteStore.open_or_disabled(newer), newer, "newer than this seedreader")
    _assert_disabled(NoteStore.open_or_disabled(foreign), foreign, "not a seedreader notes store")
    assert (digest(newer), digest(foreign)) == before


def test_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data directory should be")
    path = blocker / "seedreader" / FILENAME
    store = NoteStore.open_or_disabled(path)
    _assert_disabled(store, path, "cannot create the notes directory")
    assert blocker.read_text() == "a file where the data directory should be"


def test_database_path_that_is_a_directory(db: Path) -> None:
    db.mkdir(parents=True)
    _assert_disabled(NoteStore.open_or_disabled(db), db, "is a directory")


def test_data_dir_with_a_name_too_long_disables_notes(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300) / FILENAME
    _assert_disabled(NoteStore.open_or_disabled(path), path, "File name too long")


def test_unsearchable_data_dir_disables_notes_without_raising(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    data_dir = tmp_path / "data"
    NoteStore.open_or_disabled(data_dir=data_dir).close()
    data_dir.chmod(0o600)  # readable, not searchable: stat() of the database fails
    real_stat = os.stat

    def stat_as_a_user(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(f"{data_dir}/"):  # root ignores the mode; refuse as the kernel would
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_as_a_user)
    try:
        store = NoteStore.open_or_disabled(data_dir=data_dir)
        _assert_disabled(store, data_dir / FILENAME, "Permission denied")
    finally:
        data_dir.chmod(0o700)


def test_open_or_disabled_on_a_healthy_store(tmp_path: Path) -> None:
    store = NoteStore.open_or_disabled(data_dir=tmp_path / "fresh")
    assert store.available and store.readable and store.reason is None
    assert store.path == tmp_path / "fresh" / FILENAME and store.path.exists()
