#!/usr/bin/env python3
"""Puts several one-event folders into one mixed folder, for measuring stories.

    python3 scripts/mix_corpus.py OUT FOLDER...

Each source becomes OUT/<folder name>__<file name> (file names collide across events), and the
folders' manifests sources.csv become one OUT/sources.csv with the same prefixes. OUT/truth.csv
lists source,story (the folder's name): what scripts/story_eval.py scores against.
"""
import csv
import os
import shutil
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
manifest = []
truth = []
for folder in sys.argv[2:]:
    event = os.path.basename(os.path.normpath(folder))
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name == "sources.csv":
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    row["source"] = f"{event}__{row['source']}"
                    manifest.append(row)
        elif name.endswith((".txt", ".md", ".html", ".htm")):
            shutil.copyfile(path, os.path.join(out, f"{event}__{name}"))
            truth.append((f"{event}__{name}", event))
if manifest:
    with open(os.path.join(out, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["source", "outlet", "published", "url"], extrasaction="ignore")
        w.writeheader()
        w.writerows(manifest)
with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["source", "story"])
    w.writerows(truth)
