#!/bin/sh
# Times `earshot score` against the Python VADER reference (bench/vader-reference.py) on the
# same lines, alternating, ROUNDS times (default 3), with the load average before each run.
# Usage, from the repository root after `mvn -B -o -q package -DskipTests`:
#   bench/score-lines.py ../shared/data > /tmp/146k.txt
#   bench/score-vs-vader.sh /tmp/146k.txt [ROUNDS] [LEXICON]
# LEXICON defaults to the vader-sentiment-analyzer 1.0 jar in ~/.m2 (see vader-reference.py).
# Each line: what ran, wall seconds, user and system CPU seconds, peak RSS in KB (the times
# include the second JVM that `java -jar earshot.jar score` scores in, see ScoreRelaunch: C1
# only, since a run this short ends before C2's compilations pay for themselves, and the class
# archive that `mvn package` writes beside the jar). The third run of a round scores in one JVM
# keeping C2 (-Dearshot.score.c2=true), the JVM's default, for comparison (docs/TRIAGE.md, Speed).
set -eu
lines=$1
rounds=${2:-3}
lexicon=${3:-$HOME/.m2/repository/com/github/apanimesh061/vader-sentiment-analyzer/1.0/vader-sentiment-analyzer-1.0.jar}
here=$(dirname "$0")
echo "$(wc -l < "$lines") lines; $(nproc) cores"
i=1
while [ "$i" -le "$rounds" ]; do
  echo "round $i, load:$(uptime | sed 's/.*load average://')"
  /usr/bin/time -f "  python-vader %e s wall, %U s user, %S s sys, %M KB" \
    /usr/bin/python3 "$here/vader-reference.py" "$lexicon" < "$lines" > /dev/null
  /usr/bin/time -f "  earshot-score %e s wall, %U s user, %S s sys, %M KB" \
    java -jar target/earshot.jar score < "$lines" > /dev/null
  /usr/bin/time -f "  earshot-score-with-c2 %e s wall, %U s user, %S s sys, %M KB" \
    java -Dearshot.score.c2=true -jar target/earshot.jar score < "$lines" > /dev/null
  i=$((i + 1))
done
