"""The seedreader command as scripts and pipelines use it: exit codes, stderr lines, output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui.paths import sample_corpus_dir

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample_json() -> dict:
    proc = run("report", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_json_report_follows_the_contract(sample_json: dict) -> None:
    data = sample_json
    assert data["schema"] == "seedreader.report/1"
    assert len(data["documents"]) == 5
    doc_ids = {d["id"] for d in data["documents"]}
    for doc in data["documents"]:
        assert set(doc) >= {"id", "path", "title", "statements"}
        assert Path(doc["path"]).is_file()
    for st in data["statements"]:
        assert set(st) >= {"id", "doc", "start", "end", "text", "status", "claim", "sources"}
        assert st["doc"] in doc_ids
        assert st["status"] in {"agreeing", "conflicting", "uncorroborated"}
    for claim in data["claims"]:
        assert set(claim) >= {"id", "statements", "links", "conflicts"}
        for link in claim["links"]:
            assert set(link) >= {"a", "b", "score", "shared"}
            assert 0.0 <= link["score"] <= 1.0
        for conflict in claim["conflicts"]:
            assert set(conflict) >= {"a", "b", "kind", "a_value", "b_value"}


def test_json_offsets_point_into_the_files(sample_json: dict) -> None:
    paths = {d["id"]: Path(d["path"]) for d in sample_json["documents"]}
    texts = {
        doc_id: path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        for doc_id, path in paths.items()
    }
    for st in sample_json["statements"]:
        assert texts[st["doc"]][st["start"] : st["end"]] == st["text"]


def test_every_statement_is_in_exactly_one_claim(sample_json: dict) -> None:
    membership: dict[str, list[str]] = {}
    for claim in sample_json["claims"]:
        for sid in claim["statements"]:
            membership.setdefault(sid, []).append(claim["id"])
    ids = [st["id"] for st in sample_json["statements"]]
    assert sorted(membership) == sorted(ids)
    assert all(len(claims) == 1 for claims in membership.values())
    by_id = {st["id"]: st for st in sample_json["statements"]}
    for claim in sample_json["claims"]:
        for sid in claim["statements"]:
            assert by_id[sid]["claim"] == claim["id"]


def test_sample_corpus_reports_the_arrival_date_conflict(sample_json: dict) -> None:
    conflicts = [c for claim in sample_json["claims"] for c in claim["conflicts"]]
    values = {frozenset((c["a_value"], c["b_value"])) for c in conflicts if c["kind"] == "date"}
    assert frozenset(("November 25th", "November 26, 2025")) in values
    by_id = {st["id"]: st for st in sample_json["statements"]}
    date_conflict = next(
        c for c in conflicts if {c["a_value"], c["b_value"]} == {"November 25th", "November 26, 2025"}
    )
    for side in ("a", "b"):
        statement = by_id[date_conflict[side]]
        assert statement["status"] == "conflicting"
        assert date_conflict[f"{side}_value"] in statement["text"]


def test_text_report_shows_conflict_reason_and_is_plain_when_piped() -> None:
    proc = run("report")
    assert proc.returncode == 0, proc.stderr
    # The visit ran 25-27 November: two dates of it may both be true, so the conflict is graded
    # "possible" and worded so.
    assert "possibly different date: November 25th / November 26, 2025" in proc.stdout
    assert "Uncorroborated" in proc.stdout
    assert "\x1b" not in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 100


def test_fail_on_conflict_sets_exit_code(tmp_path: Path) -> None:
    # The sample corpus has only a "possible" conflict (two days of one visit): no failure.
    assert run("report", "--fail-on-conflict").returncode == 0
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Officials said 12 people died in the warehouse fire on Monday.\n")
    (story / "b.txt").write_text("Officials said 14 people died in the warehouse fire on Monday.\n")
    assert run("report", "--fail-on-conflict", str(story)).returncode == 1
    calm = tmp_path / "calm"
    calm.mkdir()
    (calm / "a.txt").write_text("The bridge over the river reopened to traffic on Monday.\n")
    (calm / "b.txt").write_text("Officials said the library will extend its opening hours.\n")
    proc = run("report", "--fail-on-conflict", str(calm))
    assert proc.returncode == 0, proc.stderr


def test_nothing_loaded_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run("report", str(missing), str(empty))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert any(str(missing) in line for line in lines)
    assert any(str(empty) in line for line in lines)
    assert proc.stdout == ""


def test_bad_file_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The council approved the new budget on Tuesday after a long debate.\n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    proc = run("report", "--format", "json", str(good), str(binary))
    assert proc.returncode == 0, proc.stderr
    assert str(binary) in proc.stderr and "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert [d["path"] for d in data["documents"]] == [str(good)]


def test_reader_with_nothing_loaded_exits_2_before_the_ui(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "missing-folder"))
    assert proc.returncode == 2
    assert "missing-folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_control_characters_in_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Officials said the \x1b[31mbridge\x1b[0m reopened on Monday.\n"
        "A second sentence mentions [bold red]markup[/] that must stay literal.\x07\n"
    )
    proc = run("report", str(hostile))
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "[bold red]markup[/]" in proc.stdout


def test_bidi_overrides_in_articles_never_reach_the_text_report(tmp_path: Path) -> None:
    hostile = tmp_path / "bidi.txt"
    overrides = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    hostile.write_text(f"The payment of {overrides}0001$ was made on Monday.\nThe minister left on Friday.\n")
    proc = run("report", str(hostile))
    assert proc.returncode == 0, proc.stderr
    assert not any(ch in proc.stdout for ch in overrides), proc.stdout
    assert "0001$ was made on Monday" in proc.stdout


def test_config_file_thresholds_apply_and_bad_keys_are_named(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "config.toml").write_text(
        "[index]\nlink_threshold = 1.0\nlink_probability = 1.0\n")
    proc = run("report", "--format", "json", env={"SEEDREADER_CONFIG_DIR": str(config_dir)})
    assert proc.returncode == 0, proc.stderr
    statuses = {st["status"] for st in json.loads(proc.stdout)["statements"]}
    assert statuses == {"uncorroborated"}, "thresholds of 1 must link nothing"
    flag = run("report", "--format", "json", "--link-threshold", "0.0001", env={"SEEDREADER_CONFIG_DIR": str(config_dir)})
    assert flag.returncode == 0, flag.stderr
    assert {st["status"] for st in json.loads(flag.stdout)["statements"]} != {"uncorroborated"}

    (config_dir / "config.toml").write_text("[index]\nno_such_knob = 3\n")
    bad = run("report", env={"SEEDREADER_CONFIG_DIR": str(config_dir)})
    assert bad.returncode == 2
    assert "config.toml" in bad.stderr and "no_such_knob" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_wheel_ships_the_sample_corpus_and_runs_from_elsewhere(tmp_path: Path) -> None:
    """A plain (non-editable) install must still find the bundled articles."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip().splitlines()[-1:]}")
    (wheel,) = wheel_dir.glob("seedreader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("tui/sample_corpus/"))
    expected = sorted(f"tui/sample_corpus/{p.name}" for p in sample_corpus_dir().glob("*.txt"))
    assert shipped == expected

    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); from tui.cli import main; "
            "raise SystemExit(main(['report', '--format', 'json']))",
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["documents"]) == 5
    assert all(str(target) in d["path"] for d in data["documents"])


def test_keys_table_is_read_and_bad_values_are_named(tmp_path: Path) -> None:
    from tui.config import ConfigError, read_keymap

    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"reader.next" = "j,down,ctrl+n"\n')
    assert read_keymap(config) == {"reader.next": "j,down,ctrl+n"}
    assert read_keymap(tmp_path / "absent.toml") == {}

    config.write_text('[keys]\n"reader.next" = 5\n')
    with pytest.raises(ConfigError, match="reader.next"):
        read_keymap(config)
    proc = run(env={"SEEDREADER_CONFIG_DIR": str(tmp_path)})
    assert proc.returncode == 2
    assert "config.toml" in proc.stderr and "Traceback" not in proc.stderr


def test_report_help_explains_every_threshold_with_its_default() -> None:
    from tui.claims import IndexConfig
    from tui.config import tunable_fields

    proc = run("report", "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    for name in tunable_fields():
        flag = "--" + name.replace("_", "-")
        assert flag in text
        assert f"Default: {getattr(IndexConfig(), name)}." in text


@pytest.mark.parametrize("parser_name", ["reader_parser", "report_parser", "export_parser",
                                         "notes_parser"])
def test_every_help_line_is_a_full_sentence(parser_name: str) -> None:
    import argparse

    from tui import cli

    parser = getattr(cli, parser_name)()
    for action in parser._actions:
        if action.help in (None, argparse.SUPPRESS):
            continue
        text = action.help % {"default": action.default, "prog": parser.prog}
        assert text[0].isupper() and text.endswith("."), f"{action.option_strings or action.dest}: {text!r}"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--link-threshold", "5", "seedreader: --link-threshold must be between 0 and 1, not 5"),
        ("--link-probability", "5", "seedreader: --link-probability must be between 0 and 1, not 5"),
        ("--probe-terms", "0", "seedreader: --probe-terms must be at least 1, not 0"),
    ],
)
def test_out_of_range_threshold_flags_are_refused_in_one_line(flag: str, value: str, message: str) -> None:
    proc = run("report", flag, value)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [message]
    assert proc.stdout == ""


def test_out_of_range_thresholds_in_config_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("[index]\nlink_probability = 5\n")
    proc = run("report", env={"SEEDREADER_CONFIG_DIR": str(tmp_path)})
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert "config.toml" in line and "index.link_probability must be between 0 and 1, not 5" in line


def test_reader_into_a_file_says_to_use_report_instead_of_hanging(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with open(out, "w") as stream:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", "--data-dir", str(tmp_path)],
            stdout=stream, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=ROOT, timeout=60,
        )
    assert proc.returncode == 2
    assert out.read_text() == "", "no escape codes in the file"
    (line,) = proc.stderr.splitlines()
    assert "needs a terminal" in line and "seedreader report" in line


def test_report_is_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Pipelines diff reports: set iteration order must never leak into links or evidence."""
    for source in sample_corpus_dir().glob("*.txt"):
        text = source.read_text(encoding="utf-8")
        (tmp_path / source.name).write_text(text, encoding="utf-8")
        changed = text.replace("November 25th", "November 24th").replace("12 acres", "15 acres")
        (tmp_path / f"copy-{source.name}").write_text(changed, encoding="utf-8")
    outputs = {
        run("report", "--format", "json", str(tmp_path), env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["claims"]


@pytest.mark.parametrize("command", [["report"], ["report", "--format", "json"], ["export"]])
def test_full_output_device_ends_with_one_clear_line(command: list[str], tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *command, *(["--data-dir", str(tmp_path)] if command[0] == "export" else [])],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120,
        )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["seedreader: cannot write to standard output (No space left on device)"]
