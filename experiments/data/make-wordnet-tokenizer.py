#!/usr/bin/env python3
"""Learns the word-piece vocabulary of the WordNet glosses and writes it as a Hugging Face
tokenizer.json, which Graft's text plugins load with DJL's tokenizer (no network needed).

    python3 experiments/data/make-wordnet-tokenizer.py [--size 3000]

Text: the definitions of wordnet-glosses/train.tsv (every class, labels unused; the test split is
not read). Normalisation and pre-tokenisation are BERT's (lower case, accents stripped, split on
white space and punctuation), done here as the tokenizer file tells DJL to do them. The vocabulary
is learnt as Hugging Face's WordPiece trainer learns it: byte-pair merges over the words' characters
(Sennrich et al. 2016, "Neural Machine Translation of Rare Words with Subword Units"), a piece that
does not start a word written with the continuation prefix "##"; merges of the most frequent pair
(ties: the pair whose text sorts last), until the vocabulary holds --size entries. Ids: [PAD] 0, [UNK] 1,
[MASK] 2, then the single characters in sorted order, then the merged pieces in the order learnt.
Deterministic: a rerun writes the same file (its hash is in wordnet-glosses/SHA256SUMS).
"""
import argparse
import collections
import csv
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "wordnet-glosses")
SPECIALS = ["[PAD]", "[UNK]", "[MASK]"]


def normalise(text):
    """BertNormalizer with lowercase=True, strip_accents=None (stripped when lower-casing)."""
    text = "".join(" " if ch in "\t\n\r" or unicodedata.category(ch).startswith("Z") else ch
                   for ch in text if ch != "\x00" and ch != "\ufffd" and not unicodedata.category(ch).startswith("C"))
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def pre_tokenise(text):
    """BertPreTokenizer: split on white space, and every punctuation character is a word."""
    words = []
    for chunk in text.split():
        current = ""
        for ch in chunk:
            if is_punctuation(ch):
                if current:
                    words.append(current)
                    current = ""
                words.append(ch)
            else:
                current += ch
        if current:
            words.append(current)
    return words


def learn(word_counts, size):
    """Byte-pair merges over word pieces; returns the vocabulary in id order."""
    words = [[w[0]] + ["##" + c for c in w[1:]] for w in word_counts]
    counts = list(word_counts.values())
    alphabet = sorted({piece for word in words for piece in word})
    vocab = SPECIALS + alphabet
    known = set(vocab)
    pairs = collections.Counter()
    where = collections.defaultdict(set)
    for i, word in enumerate(words):
        for a, b in zip(word, word[1:]):
            pairs[(a, b)] += counts[i]
            where[(a, b)].add(i)
    while len(vocab) < size and pairs:
        best = max(pairs.items(), key=lambda item: (item[1], item[0]))[0]
        if pairs[best] < 2:
            break
        merged = best[0] + best[1][2:]
        for i in sorted(where.pop(best, ())):
            word = words[i]
            for a, b in zip(word, word[1:]):
                pairs[(a, b)] -= counts[i]
                if pairs[(a, b)] <= 0:
                    del pairs[(a, b)]
            out = []
            j = 0
            while j < len(word):
                if j + 1 < len(word) and (word[j], word[j + 1]) == best:
                    out.append(merged)
                    j += 2
                else:
                    out.append(word[j])
                    j += 1
            words[i] = out
            for a, b in zip(out, out[1:]):
                pairs[(a, b)] += counts[i]
                where[(a, b)].add(i)
        pairs.pop(best, None)
        if merged not in known:
            known.add(merged)
            vocab.append(merged)
    return vocab


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=3000, help="vocabulary entries, specials included")
    args = parser.parse_args()
    word_counts = collections.Counter()
    with open(os.path.join(CORPUS, "train.tsv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            word_counts.update(pre_tokenise(normalise(row["definition"])))
    vocab = learn(dict(sorted(word_counts.items())), args.size)
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": i, "content": token, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, token in enumerate(SPECIALS)],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": None,
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {token: i for i, token in enumerate(vocab)}},
    }
    path = os.path.join(CORPUS, "tokenizer.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tokenizer, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{path}: {len(vocab)} entries from {sum(word_counts.values())} words ({len(word_counts)} distinct)")


if __name__ == "__main__":
    main()
