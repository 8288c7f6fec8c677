#!/usr/bin/env python3
"""Scores the stories `claimdiff stories --format csv` found against the true events.

    python3 scripts/story_eval.py FOUND.csv TRUTH.csv

FOUND.csv has columns story,source,...; TRUTH.csv has source,story (scripts/mix_corpus.py
writes one). Over every pair of sources: precision is the share of pairs put in one story that
are one event, recall the share of pairs of one event put in one story. Prints both, and the
stories that mix events or split one.
"""
import collections
import csv
import sys


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["source"]: row["story"] for row in csv.DictReader(f)}


found, truth = load(sys.argv[1]), load(sys.argv[2])
missing = sorted(set(truth) - set(found))
if missing:
    sys.exit(f"not in {sys.argv[1]}: {', '.join(missing)}")
names = sorted(truth)


def pairs(label):
    groups = collections.defaultdict(list)
    for n in names:
        groups[label[n]].append(n)
    return sum(len(g) * (len(g) - 1) // 2 for g in groups.values()), groups


same_found, found_groups = pairs(found)
same_true, true_groups = pairs(truth)
both = 0
for g in found_groups.values():
    c = collections.Counter(truth[n] for n in g)
    both += sum(k * (k - 1) // 2 for k in c.values())
precision = both / same_found if same_found else 1.0
recall = both / same_true if same_true else 1.0
print(f"pairs: precision {both}/{same_found} = {precision:.3f}, recall {both}/{same_true} = {recall:.3f}")
print(f"stories found {len(found_groups)}, events {len(true_groups)}")
for story, g in sorted(found_groups.items()):
    c = collections.Counter(truth[n] for n in g)
    if len(c) > 1:
        print(f"  {story} mixes {dict(c)}")
for event, g in sorted(true_groups.items()):
    c = collections.Counter(found[n] for n in g)
    if len(c) > 1:
        print(f"  {event} is split: {dict(c)}")
