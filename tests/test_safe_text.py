"""One sanitiser for everything shown: paths, titles, messages and article text.

File names and article text are untrusted. Printed raw, ``ESC ] 52 ; c ; ... BEL`` writes the
user's clipboard and ``ESC ] 0 ; ... BEL`` sets the terminal title; bidi overrides reorder what
the user reads. Every place that shows such a string goes through ``tui.safe_text.safe_line``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.safe_text import safe_line

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Putin arrived in Bishkek on Tuesday. Japarov met him at the airport.\n"
OSC52 = "\x1b]52;c;aGVsbG8=\x07"
OSC0 = "\x1b]0;PWNED\x07"
BIDI = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d"
C1 = "\x85\x90\x9b\x9d\x9f"


def _unsafe(c: str) -> bool:
    code = ord(c)
    return (code < 0x20 and c not in "\n\t") or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E \
        or 0x2066 <= code <= 0x2069


def unsafe_in(text: str) -> list[str]:
    """Independent of the code under test: C0 (but LF, tab), DEL, C1, bidi embeddings/isolates."""
    return sorted({f"U+{ord(c):04X}" for c in text if _unsafe(c)})


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, env=env,
                          cwd=cwd, timeout=120)


def assert_terminal_safe(stream: bytes) -> None:
    text = stream.decode("utf-8", errors="replace")
    assert b"\x1b" not in stream and b"\x07" not in stream
    assert unsafe_in(text) == [], text


@pytest.mark.parametrize("hostile", ["\x1b[31m", "\x07", "\x00", "\x7f", *C1, *BIDI, "\u200e", "\u061c"])
def test_safe_line_replaces_control_c1_and_bidi_characters_visibly(hostile: str) -> None:
    shown = safe_line(f"a{hostile}b")
    assert shown.startswith("a") and shown.endswith("b")
    assert hostile[0] not in shown
    assert len(shown) >= 3, "replaced, not silently dropped"
    assert all(ch.isprintable() for ch in shown)


def test_safe_line_keeps_ordinary_text_and_makes_one_line() -> None:
    assert safe_line("Café 日本語 [bold]x[/] — “quoted”") == "Café 日本語 [bold]x[/] — “quoted”"
    assert safe_line("one\ntwo\tthree\r\nfour\u2028five") == "one two three four five"


def test_the_reader_uses_the_same_sanitiser() -> None:
    from tui.widgets.text import sanitize

    for sample in ("a\x1b]0;x\x07b", "x\u202ey", "p\x9bq", "plain"):
        assert sanitize(sample) == safe_line(sample)


def test_escape_codes_in_a_file_name_never_reach_stderr(tmp_path: Path) -> None:
    bad = tmp_path / f"{OSC52}x{C1}.txt"
    bad.write_bytes(b"")
    titled = tmp_path / f"{OSC0}y\u202etxt.exe.txt"
    titled.write_bytes(b"\x00\x01binary")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run("report", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert_terminal_safe(proc.stderr)
    assert_terminal_safe(proc.stdout)
    lines = proc.stderr.decode().splitlines()
    assert len([line for line in lines if "x" in line and "empty file" in line]) == 1
    assert len([line for line in lines if "PWNED" in line and "binary" in line]) == 1


def test_nothing_loaded_line_names_the_folder_safely(tmp_path: Path) -> None:
    folder = tmp_path / f"{OSC0}dir"
    folder.mkdir()
    proc = run("report", str(folder))
    assert proc.returncode == 2
    assert_terminal_safe(proc.stderr)
    assert b"PWNED" in proc.stderr


def test_file_names_and_titles_in_the_text_report_are_safe(tmp_path: Path) -> None:
    (tmp_path / f"{OSC0}a\u202e.txt").write_text(f"# Title {OSC52}\u2067here\n\n{ARTICLE}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run("report", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert_terminal_safe(proc.stdout)
    assert b"PWNED" in proc.stdout


def test_json_report_escapes_c1_and_bidi_but_keeps_the_data(tmp_path: Path) -> None:
    import json

    name = f"a{C1}\u202eb.txt"
    (tmp_path / name).write_text(f"Bishkek \u202ewelcomed\u202c the guest on Tuesday.\n{ARTICLE}", encoding="utf-8")
    proc = run("report", "--format", "json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert_terminal_safe(proc.stdout)
    data = json.loads(proc.stdout)
    assert data["documents"][0]["path"] == str(tmp_path / name)
    assert any("\u202ewelcomed\u202c" in st["text"] for st in data["statements"])


def test_export_summary_names_the_output_safely(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / f"{OSC0}\u202enotes.md"
    proc = run("export", "--data-dir", str(tmp_path / "data"), "-o", str(out), str(article))
    assert proc.returncode == 0, proc.stderr
    assert out.exists()
    assert_terminal_safe(proc.stderr)
    assert b"PWNED" in proc.stderr


def test_undecodable_bytes_of_a_file_name_never_reach_the_output_raw(tmp_path: Path) -> None:
    name = os.fsdecode(b"csi\x9b31m\xff.txt")
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / os.fsdecode(b"empty\x9b.txt")).write_bytes(b"")
    for fmt in ("text", "json"):
        proc = run("report", "--format", fmt, str(tmp_path))
        assert proc.returncode == 0, proc.stderr
        for stream in (proc.stdout, proc.stderr):
            assert b"\x9b" not in stream and b"\xff" not in stream
            stream.decode("utf-8")  # valid UTF-8 throughout
        assert b"csi" in proc.stdout and b"empty" in proc.stderr
