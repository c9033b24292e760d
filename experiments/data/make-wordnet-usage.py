#!/usr/bin/env python3
"""Writes the bundled WordNet usage-example corpus: for the 35 lexicographer categories of
wordnet-glosses, one quoted usage example per synset ("the dog barked all night") in place of the
definition, labelled by the same category. Read as the same task in another register (how a word is
used, not what it means), it is the natural shift of the glosses' text transfer: a target trained
on definitions is scored on usage examples (experiments/descriptors/text-shift.yaml).

Source: Debian's wordnet-base (WordNet 3.0), as for make-wordnet-glosses.py:

    apt-get install wordnet-base
    python3 experiments/data/make-wordnet-usage.py [/usr/share/wordnet]

Which synsets: those of a wordnet-glosses class that have at least one quoted example and whose
definition is not in wordnet-glosses' train.tsv (a target never trains on the definition of a
synset whose usage it is scored on; small classes such as noun.feeling leave too few synsets
outside both of its splits); per class, in file order, shuffled with random.Random(seed 2019); the first
TEST_PER_CLASS go to test.tsv, the next up to TRAIN_PER_CLASS to train.tsv (train.tsv exists so
that the corpus has every class, in the same order, and class ids mean the same as in
wordnet-glosses; animal and plant have few examples, so their training rows are few). The text
column holds the synset's first quoted example without its quotes. Output, under
experiments/data/wordnet-usage/: train.tsv, test.tsv (the wordnet-glosses columns: category,
offset, words, definition), SHA256SUMS and LICENSE-WordNet-3.0. The tokenizer is wordnet-glosses'
own (a descriptor names it: tokenizer: ../wordnet-glosses/tokenizer.json).
"""
import importlib.util
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("glosses", os.path.join(HERE, "make-wordnet-glosses.py"))
GLOSSES = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(GLOSSES)

OUT = os.path.join(HERE, "wordnet-usage")
TEST_PER_CLASS = 20
TRAIN_PER_CLASS = 100


def first_example(gloss):
    """The first quoted usage example of a gloss, or None."""
    start = gloss.find('"')
    if start < 0:
        return None
    end = gloss.find('"', start + 1)
    text = (gloss[start + 1:end] if end > start else gloss[start + 1:]).strip()
    return text or None


def main():
    by_class = {}
    examples = {}
    for pos in ("noun", "verb"):
        for lexfile, offset, words, gloss in GLOSSES.glosses(pos):
            by_class.setdefault(lexfile, []).append((offset, words, GLOSSES.definition_of(gloss)))
            example = first_example(gloss)
            if example is not None:
                if "\t" in example or "\t" in words:
                    sys.exit("a tab in synset " + offset)
                examples[(lexfile, offset)] = (offset, words, example)
    classes = sorted(k for k, v in by_class.items() if len(v) >= GLOSSES.MIN_SYNSETS)
    splits = {"train.tsv": [], "test.tsv": []}
    for lexfile in classes:
        # the synsets of wordnet-glosses' train.tsv, chosen exactly as it chooses them
        rows = list(by_class[lexfile])
        random.Random(GLOSSES.SEED).shuffle(rows)
        taken = {r[0] for r in rows[:GLOSSES.TRAIN_PER_CLASS]}
        usable = [examples[(lexfile, r[0])] for r in by_class[lexfile] if r[0] not in taken and (lexfile, r[0]) in examples]
        if len(usable) < TEST_PER_CLASS + 1:
            sys.exit(GLOSSES.LEXNAMES[lexfile] + ": only " + str(len(usable)) + " synsets with a usage example")
        random.Random(GLOSSES.SEED).shuffle(usable)
        name = GLOSSES.LEXNAMES[lexfile]
        splits["test.tsv"] += [(name,) + r for r in usable[:TEST_PER_CLASS]]
        splits["train.tsv"] += [(name,) + r for r in usable[TEST_PER_CLASS:TEST_PER_CLASS + TRAIN_PER_CLASS]]
    os.makedirs(OUT, exist_ok=True)
    sums = GLOSSES.write_splits(OUT, splits)
    shutil.copyfile(os.path.join(GLOSSES.OUT, "LICENSE-WordNet-3.0"), os.path.join(OUT, "LICENSE-WordNet-3.0"))
    counts = {GLOSSES.LEXNAMES[c]: sum(1 for r in splits["train.tsv"] if r[0] == GLOSSES.LEXNAMES[c]) for c in classes}
    print(len(classes), "classes,", TEST_PER_CLASS, "test examples each; training examples per class:",
          ", ".join(k + " " + str(v) for k, v in counts.items()))
    print("".join(sums), end="")


if __name__ == "__main__":
    main()
