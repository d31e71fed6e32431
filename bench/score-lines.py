#!/usr/bin/env python3
"""Writes N one-line posts (default 146,000) for timing `earshot score`: the texts of the public
sets in ../shared/data (TweetEval val+test, Apple support tweets, SXSW brand tweets, VADER
tweets), in that order, repeated until N lines. Usage: bench/score-lines.py DATA_DIR [N] > lines.txt
"""
import csv
import io
import sys


def texts(data):
    for name in ("val_text.txt", "test_text.txt"):
        with open(f"{data}/tweeteval-sentiment/{name}", encoding="utf-8") as f:
            yield from f
    with open(f"{data}/apple-support-tweets.csv", encoding="utf-8", errors="replace") as f:
        next(f)  # a title line precedes the header
        for row in csv.DictReader(f, delimiter=";"):
            yield row["text"]
    with open(f"{data}/brand-product-tweets.csv", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            yield row["tweet_text"]
    with open(f"{data}/vader-tweets-groundtruth.tsv", encoding="utf-8", newline="") as f:
        for line in f:
            cols = line.rstrip("\r\n").split("\t", 2)
            if len(cols) == 3:
                yield cols[2]


def main():
    data = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 146_000
    lines = [" ".join(t.split()) for t in texts(data)]
    lines = [t for t in lines if t]
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    for i in range(n):
        out.write(lines[i % len(lines)] + "\n")
    out.flush()


if __name__ == "__main__":
    main()
