#!/usr/bin/env python3
"""Compares the report of a mixed corpus with the reports of its events run one by one.

    python3 scripts/story_rows.py MIXED.csv EVENT=REPORT.csv...

MIXED.csv is `claimdiff check` on a folder made by scripts/mix_corpus.py (sources named
<event>__<file>); each REPORT.csv is `check` on that event's own folder. Every row of the mixed
report, its sources and locations stripped of the event prefix and its `story` column left
out, must be a row of its event's report, in the same order, and no row may be missing or
name sources of two events. Prints what differs; exit 1 when anything does.
"""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


PREFIXED = ("sources_a", "sources_b", "location_a", "location_b")
mixed = rows(sys.argv[1])
events = dict(a.split("=", 1) for a in sys.argv[2:])
by_event = {e: [] for e in events}
bad = 0
for r in mixed:
    owners = {s.split("__", 1)[0] for c in PREFIXED for s in r[c].split(";") if s}
    if len(owners) != 1:
        print(f"row {r['id']} mixes events: {sorted(owners)}")
        bad += 1
        continue
    event = owners.pop()
    for c in PREFIXED:
        r[c] = ";".join(s.split("__", 1)[1] for s in r[c].split(";") if s)
    by_event.setdefault(event, []).append(r)
for event, path in sorted(events.items()):
    want = rows(path)
    got = by_event.get(event, [])
    strip = lambda rs: [tuple((k, v) for k, v in r.items() if k != "story") for r in rs]
    g, w = strip(got), strip(want)
    if g == w:
        print(f"{event}: {len(g)} rows, the same in the same order")
        continue
    bad += 1
    gs, ws = set(g), set(w)
    print(f"{event}: mixed {len(g)} rows, alone {len(w)}; only mixed {len(gs - ws)}, only alone {len(ws - gs)}")
    for r in sorted(ws - gs)[:5]:
        d = dict(r)
        print(f"  only alone: {d['slot']} {d['value_a']} / {d['value_b']} ({d['sources_a']} / {d['sources_b']})")
    for r in sorted(gs - ws)[:5]:
        d = dict(r)
        print(f"  only mixed: {d['slot']} {d['value_a']} / {d['value_b']} ({d['sources_a']} / {d['sources_b']})")
sys.exit(1 if bad else 0)
