"""Notes store figures: save latency (fsync'd), load, and re-anchoring 1,000 notes.

Run: .venv/bin/python benchmarks/notes_store.py   (prints figures; asserts nothing)
"""

import statistics, tempfile, time
from pathlib import Path
from tui.corpus import load_corpus, document_from_text
from tui.notes import NoteStore, anchor_notes
from tui.paths import sample_corpus_dir

docs = load_corpus([sample_corpus_dir()]).documents
tmp = Path(tempfile.mkdtemp())
store = NoteStore(tmp / "notes.sqlite3")
t = time.perf_counter(); store.open(); print(f"open+create: {(time.perf_counter()-t)*1000:.1f} ms")
lat = []
for i in range(1000):
    d = docs[i % len(docs)]; s = d.statements[i % len(d.statements)]
    t = time.perf_counter(); store.add(d, s, f"note {i} #verify"); lat.append(time.perf_counter() - t)
lat.sort()
print(f"add (fsync'd commit): median {statistics.median(lat)*1000:.2f} ms, p95 {lat[949]*1000:.2f} ms, max {lat[-1]*1000:.2f} ms")
t = time.perf_counter(); notes = store.all_notes(); print(f"load 1000 notes: {(time.perf_counter()-t)*1000:.1f} ms")
t = time.perf_counter(); placed = anchor_notes(notes, docs); print(f"anchor 1000 notes, unchanged docs: {(time.perf_counter()-t)*1000:.1f} ms", len(placed))
edited = [document_from_text("Correction at top.\n\n" + d.text.replace(" the ", " a ", 3), doc_id=d.id, path=d.path) for d in docs]
t = time.perf_counter(); placed = anchor_notes(notes, edited); el = time.perf_counter()-t
from collections import Counter
print(f"anchor 1000 notes, edited docs: {el*1000:.1f} ms", Counter(a.state.value for a in placed))
# foreign notes: none of the opened docs
other = [document_from_text("Unrelated article. " * 50, doc_id="x1", path="/elsewhere/x.txt")]
t = time.perf_counter(); placed = anchor_notes(notes, other); print(f"1000 notes vs an unrelated doc (quote search): {(time.perf_counter()-t)*1000:.1f} ms", len(placed))
t = time.perf_counter(); store2 = NoteStore(tmp/"notes.sqlite3"); store2.notes_for(docs); print(f"cold open + notes_for: {(time.perf_counter()-t)*1000:.1f} ms")
import re
fuzzed = [document_from_text(re.sub(r"\b(\w+)(ed|ing)\b", r"\1\2s", d.text), doc_id=d.id, path=d.path) for d in docs]
t = time.perf_counter(); placed = anchor_notes(notes, fuzzed); el = time.perf_counter()-t
print(f"anchor 1000 notes, every sentence slightly edited: {el*1000:.1f} ms", Counter((a.state.value, a.method) for a in placed))
gone = [document_from_text("Nothing left of the original. " * 40, doc_id=d.id, path=d.path) for d in docs]
t = time.perf_counter(); placed = anchor_notes(notes, gone); el = time.perf_counter()-t
print(f"anchor 1000 notes, all orphaned (full fuzzy search): {el*1000:.1f} ms", Counter(a.state.value for a in placed))
import shutil

shutil.rmtree(tmp, ignore_errors=True)
