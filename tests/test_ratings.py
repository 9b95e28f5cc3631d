"""Verdicts on notes: the scale, cycling in the editor, marks, and the [ratings] config table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import ConfigError, read_ratings
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale, rating_slug


def test_default_scale_numbers_true_high_and_leaves_unproven_off_the_scale() -> None:
    r = DEFAULT_RATINGS
    assert r.labels == ("true", "mostly true", "mixed", "mostly false", "false", "unproven")
    assert [r.value(label) for label in r.labels] == [5, 4, 3, 2, 1, None]
    assert (r.best, r.worst) == (5, 1)
    assert r.value("Mostly  FALSE") == 2 and r.value("pants on fire") is None
    assert [r.lean(label) for label in r.labels] == ["true", "true", "mixed", "false", "false", "other"]


def test_cycling_goes_through_every_rating_and_back_to_none() -> None:
    seen: list[str | None] = []
    current: str | None = None
    for _ in range(len(DEFAULT_RATINGS.labels) + 1):
        current = DEFAULT_RATINGS.following(current)
        seen.append(current)
    assert seen == [*DEFAULT_RATINGS.labels, None]
    # a rating no longer configured starts the cycle again from none
    assert DEFAULT_RATINGS.following("pants on fire") is None


def test_gutter_marks_tell_the_ratings_apart() -> None:
    marks = [DEFAULT_RATINGS.mark(label) for label in DEFAULT_RATINGS.labels]
    assert marks == ["T", "t", "m", "f", "F", "u"]
    assert len(set(marks)) == len(marks)
    assert rating_slug("Mostly  False") == "mostly-false"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_ratings_come_from_config_toml(tmp_path: Path) -> None:
    assert read_ratings(tmp_path / "absent.toml") == DEFAULT_RATINGS
    path = _config(tmp_path, '[ratings]\nscale = ["correct", "misleading", "pants  on fire"]\n')
    ratings = read_ratings(path)
    assert ratings == RatingScale(("correct", "misleading", "pants on fire"), ("unproven",))
    assert ratings.value("pants on fire") == 1 and ratings.mark("pants on fire") == "F"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[ratings]\nscale = "true"\n', "must be a list"),
        ('[ratings]\nscale = ["true", ""]\n', "must be a list"),
        ('[ratings]\nscale = ["true", "True"]\n', "listed twice"),
        ('[ratings]\nscale = []\nother = []\n', "no rating"),
        ('[ratings]\nscales = ["x"]\n', "unknown setting ratings.scales"),
        ("ratings = 3\n", "must be a table"),
    ],
)
def test_bad_ratings_config_names_the_file_and_the_problem(tmp_path: Path, text: str, words: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        read_ratings(path)
    assert str(caught.value).startswith(f"{path}: ") and words in str(caught.value)
