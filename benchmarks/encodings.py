"""Legacy encodings: how many news paragraphs decode exactly, before and after detection.

    python benchmarks/encodings.py

Each paragraph (written for this benchmark) is saved in a legacy encoding its language used
before UTF-8, as a bare .txt and as an HTML page that declares its charset. "before" is the
decoder without <meta charset> and without charset-normalizer (what seedreader did until
issue 8); "after" is the loader's decoder now.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.corpus.decode import BinaryContent, decode_bytes  # noqa: E402

SAMPLES: list[tuple[str, str, str]] = [
    ("Greek", "cp1253", "Ο πρόεδρος έφτασε στην πρωτεύουσα την Τρίτη για επίσημη επίσκεψη δύο "
     "ημερών. Οι συνομιλίες με την κυβέρνηση κράτησαν πολλές ώρες και αφορούσαν την ενέργεια."),
    ("Greek", "iso8859-7", "Η βουλή ψήφισε τον νέο προϋπολογισμό με μεγάλη πλειοψηφία. Η "
     "αντιπολίτευση κατηγόρησε την κυβέρνηση για τις περικοπές στην υγεία και την παιδεία."),
    ("Russian", "cp1251", "Президент прибыл в столицу во вторник с государственным визитом. "
     "Переговоры продолжались несколько часов и касались энергетики и безопасности."),
    ("Russian", "koi8-r", "Парламент одобрил соглашение о совместной системе противовоздушной "
     "обороны. Голосование прошло за день до визита президента."),
    ("Ukrainian", "cp1251", "Уряд оголосив про нові заходи підтримки для постраждалих від "
     "повені. Рятувальники евакуювали понад тисячу людей з підтоплених сіл."),
    ("Bulgarian", "cp1251", "Министър-председателят обяви оставката си в сряда вечерта. "
     "Президентът ще започне консултации с партиите в понеделник."),
    ("Hebrew", "cp1255", "ראש הממשלה נפגש אתמול עם שר החוץ כדי לדון בהסכם החדש. השיחות "
     "נמשכו עד שעות הלילה המאוחרות ויימשכו גם מחר."),
    ("Arabic", "cp1256", "وصل الرئيس إلى العاصمة يوم الثلاثاء في زيارة رسمية تستمر يومين. "
     "وتناولت المحادثات التعاون في مجالي الطاقة والأمن."),
    ("Turkish", "cp1254", "Cumhurbaşkanı salı günü başkente resmi bir ziyaret için geldi. "
     "Görüşmeler saatlerce sürdü ve enerji işbirliğine odaklandı."),
    ("Polish", "cp1250", "Prezydent przyjechał we wtorek do stolicy z oficjalną wizytą. "
     "Rozmowy dotyczyły współpracy energetycznej i bezpieczeństwa w regionie."),
    ("Czech", "iso8859-2", "Vláda schválila nový rozpočet na příští rok. Opozice kritizuje "
     "škrty ve zdravotnictví a ve školství, které podle ní ohrozí tisíce míst."),
    ("French", "cp1252", "Le président est arrivé mardi dans la capitale pour une visite "
     "d'État de deux jours. Les négociations ont porté sur l'énergie et la sécurité."),
    ("German", "iso8859-1", "Der Präsident traf am Dienstag zu einem zweitägigen Staatsbesuch "
     "in der Hauptstadt ein. Die Gespräche drehten sich um Energie und Sicherheit."),
    ("Spanish", "cp1252", "El presidente llegó el martes a la capital para una visita oficial "
     "de dos días. Las conversaciones se centraron en la energía y la seguridad."),
    ("Japanese", "shift_jis", "大統領は火曜日、二日間の公式訪問のため首都に到着した。会談はエネルギー"
     "と安全保障の協力を中心に数時間続いた。"),
    ("Japanese", "euc_jp", "議会は来年度の予算案を賛成多数で可決した。野党は医療と教育の削減を批判した。"),
    ("Chinese", "gb18030", "总统周二抵达首都进行为期两天的国事访问。双方会谈持续数小时，重点讨论能源和安全合作。"),
    ("Chinese", "big5", "總統週二抵達首都進行為期兩天的國事訪問。雙方會談持續數小時，重點討論能源和安全合作。"),
    ("Korean", "euc_kr", "대통령은 화요일 이틀간의 국빈 방문을 위해 수도에 도착했다. 회담은 에너지와 "
     "안보 협력을 중심으로 몇 시간 동안 이어졌다."),
    ("Thai", "tis-620", "ประธานาธิบดีเดินทางถึงเมืองหลวงเมื่อวันอังคารเพื่อเยือนอย่างเป็นทางการสองวัน "
     "การเจรจาเน้นความร่วมมือด้านพลังงานและความมั่นคง"),
]


def _html(text: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!doctype html><html><head>{meta}<title>News</title></head><body><p>{text}</p></body></html>"


def _ok(data: bytes, expected: str, guess: bool) -> bool:
    try:
        return expected in decode_bytes(data, guess=guess).text
    except BinaryContent:
        return False


def main() -> int:
    rows = {"txt before": 0, "txt after": 0, "html before": 0, "html after": 0}
    misses: list[str] = []
    t0 = time.perf_counter()
    for language, codec, text in SAMPLES:
        raw = text.encode(codec)
        rows["txt before"] += _ok(raw, text, guess=False)
        after = _ok(raw, text, guess=True)
        rows["txt after"] += after
        if not after:
            misses.append(f"{language} {codec}: {decode_bytes(raw).encoding}")
        rows["html before"] += _ok(_html(text, None).encode(codec), text, guess=False)
        rows["html after"] += _ok(_html(text, codec).encode(codec), text, guess=True)
    seconds = time.perf_counter() - t0
    n = len(SAMPLES)
    for key, value in rows.items():
        print(f"{key:<12} {value}/{n}")
    print(f"{seconds * 1000 / (4 * n):.1f} ms per file")
    for miss in misses:
        print("  .txt misread:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
