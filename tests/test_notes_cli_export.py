"""``seedreader export`` end to end: real corpus, real index, notes from the store."""

from __future__ import annotations

import io
import shutil
from datetime import UTC, datetime
from pathlib import Path

from tui.corpus import load_corpus
from tui.notes import NoteStore
from tui.exports.command import EXIT_FAILED, EXIT_OK, export_command, export_title
from tui.notes.store import FILENAME
from tui.paths import sample_corpus_dir

NOW = datetime(2025, 11, 27, 12, 0, tzinfo=UTC)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(sample_corpus_dir(), folder)
    return folder


def test_export_to_a_file_with_notes_and_an_orphan(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    data = tmp_path / "data"
    result = load_corpus([folder])
    doc = result.documents[1]
    store = NoteStore(data / FILENAME)
    store.add(doc, doc.statements[3], "Source for this? #verify")
    store.add(doc, doc.statements[5], "This sentence will be cut. #false")
    store.close()

    # The article is re-saved with the sixth statement removed: that note becomes an orphan.
    path = Path(doc.path)
    cut = doc.statements[5]
    path.write_text(doc.text[: cut.start] + doc.text[cut.end :], encoding="utf-8")
    reloaded = load_corpus([folder])

    errors: list[str] = []
    out, err = tmp_path / "notes.md", io.StringIO()
    code = export_command(
        reloaded, output=out, force=False, data_dir=data, report_error=errors.append, now=NOW, stderr=err
    )
    assert (code, errors) == (EXIT_OK, [])
    assert err.getvalue() == f"seedreader: wrote 2 notes (1 orphaned) to {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Notes on 5 articles"\ndate: 2025-11-27\nexported: "2025-11-27T12:00:00Z"\n')
    assert "Source for this? \\#verify" in text
    orphans = text.split("## Orphaned notes", 1)[1].split("## Conflicts in the corpus", 1)[0]
    assert "This sentence will be cut. \\#false" in orphans

    code = export_command(reloaded, output=out, force=False, data_dir=data, report_error=errors.append, now=NOW)
    assert code == EXIT_FAILED and errors == [f"{out}: already exists; use --force to overwrite it"]
    assert out.read_text(encoding="utf-8") == text


def test_export_to_stdout_never_creates_a_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = load_corpus([sample_corpus_dir()])
    stdout = io.StringIO()
    code = export_command(result, output=None, force=False, data_dir=data, report_error=print, now=NOW, stdout=stdout)
    assert code == EXIT_OK
    assert "notes: 0\n" in stdout.getvalue() and "## Conflicts in the corpus" in stdout.getvalue()
    assert not data.exists()


def test_a_corrupt_store_still_exports_the_conflicts_with_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / FILENAME).write_bytes(b"garbage" * 10)
    errors: list[str] = []
    stdout = io.StringIO()
    code = export_command(
        load_corpus([sample_corpus_dir()]), output=None, force=False, data_dir=data,
        report_error=errors.append, stdout=stdout, now=NOW,
    )  # fmt: skip
    assert code == EXIT_OK
    assert len(errors) == 1 and errors[0].startswith(f"warning: {data / FILENAME}: is not a SQLite database")
    assert "exporting the conflicts without notes" in errors[0] and "--move-aside" in errors[0]
    assert "notes: 0\n" in stdout.getvalue() and "## Conflicts in the corpus" in stdout.getvalue()
    assert (data / FILENAME).read_bytes() == b"garbage" * 10


def test_a_newer_store_exports_its_notes_with_a_warning(tmp_path: Path) -> None:
    import sqlite3

    from tui.notes.store import SCHEMA_VERSION

    result = load_corpus([sample_corpus_dir()])
    doc = result.documents[0]
    data = tmp_path / "data"
    with NoteStore.default(data) as store:
        store.add(doc, doc.statements[0], "from a later seedreader")
    raw = sqlite3.connect(data / FILENAME)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    errors: list[str] = []
    stdout = io.StringIO()
    code = export_command(result, output=None, force=False, data_dir=data, report_error=errors.append,
                          stdout=stdout, now=NOW)
    assert code == EXIT_OK
    assert len(errors) == 1 and errors[0].startswith("warning: ") and "newer" in errors[0]
    assert "from a later seedreader" in stdout.getvalue() and "## Conflicts in the corpus" in stdout.getvalue()


def test_export_title() -> None:
    docs = load_corpus([sample_corpus_dir()]).documents
    assert export_title(docs) == "Notes on 5 articles"
    assert export_title(docs[:1]) == f"Notes: {docs[0].title}"
    assert export_title([]) == "Notes"
