"""Parses Prometheus text exposition from stdin with the Prometheus project's own Python parser
(prometheus_client.parser) and prints the families as JSON; a malformed scrape exits non-zero
with the parser's message. Used by io.earshot.testing.PrometheusScrape."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def value(v):
    return v if math.isfinite(v) else str(v)


families = [{"name": f.name, "type": f.type, "help": f.documentation,
             "samples": [{"name": s.name, "labels": s.labels, "value": value(s.value)} for s in f.samples]}
            for f in text_string_to_metric_families(sys.stdin.read())]
json.dump(families, sys.stdout)
