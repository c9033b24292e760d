#!/usr/bin/env python3
"""Writes the bundled WordNet gloss subset: short English definitions labelled by the
lexicographer file their synset belongs to (noun.animal, noun.artifact, verb.motion, ...), a real
labelled text corpus for text-classification transfer (issue 19).

Source: Debian's wordnet-base (WordNet 3.0: 117,659 synsets in 45 lexicographer files):

    apt-get install wordnet-base
    python3 experiments/data/make-wordnet-glosses.py [/usr/share/wordnet]

Each synset gives one example: its definition (the gloss before the first quoted usage example;
the examples often contain the very word the synset names) and, separately, its words. Every noun
and verb lexicographer file with at least 400 synsets is a class (35 classes). Selection is
deterministic: per class, the synsets in file order shuffled with random.Random(seed 2019) and the
first 300 taken for training and the next 100 for testing. Output, under
experiments/data/wordnet-glosses/: train.tsv and test.tsv, tab-separated with a header
(category, offset, words, definition), classes in lexicographer-file order; SHA256SUMS; and
LICENSE-WordNet-3.0, the notice the WordNet licence asks every copy to carry (from Debian's
/usr/share/doc/wordnet-base/copyright).
"""
import hashlib
import os
import random
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordnet-glosses")
TRAIN_PER_CLASS = 300
TEST_PER_CLASS = 100
MIN_SYNSETS = TRAIN_PER_CLASS + TEST_PER_CLASS
SEED = 2019
# lexnames(5WN): file number -> name
LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive "
            "noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity "
            "noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition "
            "verb.communication verb.competition verb.consumption verb.contact verb.creation verb.emotion "
            "verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl").split()


def synsets(pos):
    """(lexicographer file number, offset, words, definition) of every synset in data.<pos>, in file order."""
    for lexfile, offset, words, gloss in glosses(pos):
        yield lexfile, offset, words, definition_of(gloss)


def definition_of(gloss):
    """A gloss's definition: the text before its first quoted usage example."""
    return gloss.split('; "', 1)[0].strip().rstrip(";").strip()


def glosses(pos):
    """(lexicographer file number, offset, words, whole gloss) of every synset in data.<pos>, in file order."""
    path = os.path.join(SOURCE, "data." + pos)
    if not os.path.isfile(path):
        sys.exit("no " + path + ": apt-get install wordnet-base, or give the WordNet dict directory")
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # the licence header
                continue
            fields, gloss = line.rstrip("\n").split(" | ", 1)
            parts = fields.split(" ")
            offset, lexfile, count = parts[0], int(parts[1]), int(parts[3], 16)
            words = [parts[4 + 2 * i].replace("_", " ") for i in range(count)]
            yield lexfile, offset, ", ".join(words), gloss


def write_licence():
    """The WordNet 3.0 licence block of Debian's copyright file, as plain text."""
    path = "/usr/share/doc/wordnet-base/copyright"
    if not os.path.isfile(path):
        sys.exit("no " + path + ": apt-get install wordnet-base")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    block = text[text.index("License: WordNet3.0"):]
    end = block.find("\n\n")
    lines = block[:end if end > 0 else len(block)].split("\n")[1:]
    with open(os.path.join(OUT, "LICENSE-WordNet-3.0"), "w", encoding="utf-8") as out:
        out.write("\n".join("" if line.strip() == "." else line[1:] for line in lines) + "\n")


def write_splits(directory, splits):
    """Writes each split's rows (category, offset, words, text) as a TSV with a header, and
    SHA256SUMS; returns the SHA256SUMS lines."""
    sums = []
    for file, rows in splits.items():
        text = "category\toffset\twords\tdefinition\n" + "".join("\t".join(r) + "\n" for r in rows)
        data = text.encode("utf-8")
        with open(os.path.join(directory, file), "wb") as out:
            out.write(data)
        sums.append(hashlib.sha256(data).hexdigest() + "  " + file + "\n")
    with open(os.path.join(directory, "SHA256SUMS"), "w") as out:
        out.writelines(sums)
    return sums


def main():
    by_class = {}
    for pos in ("noun", "verb"):
        for lexfile, offset, words, definition in synsets(pos):
            if "\t" in definition or "\t" in words:
                sys.exit("a tab in synset " + offset)
            by_class.setdefault(lexfile, []).append((offset, words, definition))
    classes = sorted(k for k, v in by_class.items() if len(v) >= MIN_SYNSETS)
    os.makedirs(OUT, exist_ok=True)
    splits = {"train.tsv": [], "test.tsv": []}
    for lexfile in classes:
        rows = list(by_class[lexfile])
        random.Random(SEED).shuffle(rows)
        name = LEXNAMES[lexfile]
        splits["train.tsv"] += [(name,) + r for r in rows[:TRAIN_PER_CLASS]]
        splits["test.tsv"] += [(name,) + r for r in rows[TRAIN_PER_CLASS:MIN_SYNSETS]]
    sums = write_splits(OUT, splits)
    write_licence()
    print(len(classes), "classes:", ", ".join(LEXNAMES[c] for c in classes))
    print("".join(sums), end="")


if __name__ == "__main__":
    main()
