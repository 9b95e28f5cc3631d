"""Legacy encodings: the page's <meta charset>, then charset-normalizer's guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus.decode import declared_charset, decode_bytes
from tui.corpus.loader import load_corpus

GREEK = ("Ο πρόεδρος έφτασε στην πρωτεύουσα την Τρίτη για επίσημη επίσκεψη δύο ημερών. "
         "Οι συνομιλίες με την κυβέρνηση κράτησαν πολλές ώρες.")


def test_legacy_greek_page_decodes_by_its_meta_charset(tmp_path: Path) -> None:
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1253">'
            f"<title>Επίσκεψη</title></head><body><p>{GREEK}</p></body></html>")
    f = tmp_path / "greek.html"
    f.write_bytes(page.encode("cp1253"))
    result = load_corpus([f])
    doc = result.documents[0]
    assert doc.encoding == "cp1253"
    assert "Ο πρόεδρος έφτασε" in doc.text
    assert any("declared by the page" in p.message for p in result.problems)


@pytest.mark.parametrize(("text", "codec"), [
    (GREEK, "cp1253"),
    ("ראש הממשלה נפגש אתמול עם שר החוץ כדי לדון בהסכם החדש. השיחות נמשכו עד הלילה.", "cp1255"),
    ("Prezydent przyjechał we wtorek do stolicy z oficjalną wizytą. Rozmowy dotyczyły "
     "współpracy energetycznej i bezpieczeństwa.", "cp1250"),
    ("大統領は火曜日、二日間の公式訪問のため首都に到着した。会談はエネルギーと安全保障の協力を中心に続いた。",
     "shift_jis"),
])
def test_undeclared_legacy_text_is_guessed(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.warning and "guessed" in decoded.warning


def test_meta_charset_labels_follow_browsers() -> None:
    assert declared_charset(b'<meta charset="iso-8859-1">') == "cp1252"
    assert declared_charset(b"<?xml version='1.0' encoding='koi8-r'?>") == "koi8-r"
    assert declared_charset(b'<meta charset="no-such-thing">') is None


def test_utf8_wins_over_a_wrong_declaration() -> None:
    page = f'<meta charset="windows-1251"><p>{GREEK}</p>'.encode()
    assert GREEK in decode_bytes(page).text
