#!/usr/bin/env python3
"""Writes data/common_words.txt: the everyday English words that tell no story apart.

A word is common when UD English-EWT's training set (web text: reviews, e-mails, blogs,
answers; CC BY-SA 4.0) has it three times or more as a word that is not a proper noun,
number, symbol or punctuation. `src/story.rs` leaves these out of a source's story terms, so
what is left are names, figures and the words rarer than everyday web English.

    python3 scripts/common_words.py ../shared/ud-ewt/en_ewt-ud-train.conllu > data/common_words.txt
"""
import collections
import sys

counts = collections.Counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0] or cols[3] in ("PROPN", "NUM", "PUNCT", "SYM", "X"):
            continue
        word = cols[1].lower()
        if word.isalpha():
            counts[word] += 1
print("# Everyday English words, left out of story terms (src/story.rs). Made by")
print("# scripts/common_words.py from UD English-EWT train (CC BY-SA 4.0): words seen 3 times")
print("# or more there, not as a proper noun. One word a line, lower case.")
for w in sorted(w for w, n in counts.items() if n >= 3):
    print(w)
