#!/usr/bin/env python3
"""The Python VADER reference for timing `earshot score`: NLTK's SentimentIntensityAnalyzer
scores every line of stdin and writes its compound score, one line per input line, as
`score` writes one JSON result per line. Usage:

  bench/vader-reference.py LEXICON < lines.txt > /dev/null

LEXICON is VADER's vader_lexicon.txt (MIT, C.J. Hutto), or a jar holding it as
vader_sentiment_lexicon.txt, such as the vader-sentiment-analyzer 1.0 jar that the JMH
comparison already puts in ~/.m2; it is copied to a temporary file because NLTK loads its
lexicon through nltk.data, which reads files by URL. Needs NLTK (Debian: python3-nltk, run
with /usr/bin/python3). The lexicon is read before the first line, like `score`'s start-up,
and both are inside the timed process.
"""
import io
import os
import sys
import tempfile
import zipfile

from nltk.sentiment.vader import SentimentIntensityAnalyzer

JAR_ENTRY = "vader_sentiment_lexicon.txt"


def lexicon_text(path):
    if path.endswith(".jar"):
        with zipfile.ZipFile(path) as jar:
            return jar.read(JAR_ENTRY).decode("utf-8", errors="replace")
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def analyzer(path):
    # One byte of the jar's copy is not UTF-8 (read as U+FFFD, as Lexicon.java reads it). NLTK
    # splits the file on "\n" and fails on an empty last line, so no trailing newline.
    text = lexicon_text(path).rstrip()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        return SentimentIntensityAnalyzer(lexicon_file="file:" + f.name)
    finally:
        os.unlink(f.name)


def main():
    sia = analyzer(sys.argv[1])
    lines = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    for line in lines:
        out.write(f"{sia.polarity_scores(line.rstrip(chr(10)))['compound']}\n")
    out.flush()


if __name__ == "__main__":
    main()
