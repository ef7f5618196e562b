#!/usr/bin/env bash
# The trace engine's cold benchmark: generates a repository of ITEMS synthetic items (default
# 20,000) once, then times RUNS fresh `java` processes of the command line (warden.trace.TraceMain)
# per command, the commands taking turns: trace with the launcher's JVM flags and without, trace
# with every report, and OpenFastTrace plain and HTML on the same requirements and sources when its
# jar is found (OFT_JAR, else the newest in ~/.m2; fetch it once with
# `./mvnw dependency:get -Dartifact=org.itsallcode.openfasttrace:openfasttrace:4.1.0`).
# Usage: traceability/bench.sh [ITEMS] [RUNS] [DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The benchmark (warden.trace.bench) lives in the test sources, beside the main jar it times.
BENCH="$HERE/target/test-classes/warden/trace/bench/TraceBench.class"
JAR="$(ls "$HERE"/target/traceability-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | head -1 || true)"
if [ -z "$JAR" ] || [ ! -f "$BENCH" ] || [ -n "$(find "$HERE/src/main" -newer "$JAR" -print -quit)" ] \
    || [ -n "$(find "$HERE/src/test/java" -newer "$BENCH" -print -quit)" ]; then
  echo "bench: building the traceability jar and the benchmark..." >&2
  (cd "$HERE/.." && ./mvnw -B -q -pl traceability -am package -DskipTests)
  JAR="$(ls "$HERE"/target/traceability-*.jar | grep -v -e sources -e javadoc -e tests | head -1)"
fi
OFT="${OFT_JAR:-$(ls ~/.m2/repository/org/itsallcode/openfasttrace/openfasttrace/*/openfasttrace-*.jar 2>/dev/null \
  | sort -V | tail -1 || true)}"
DIR="${3:-$(mktemp -d -t trace-bench.XXXXXX)}"
echo "load before: $(uptime)"
java -cp "$JAR:$HERE/target/test-classes" warden.trace.bench.TraceBench --cold "${1:-20000}" "${2:-5}" "$DIR" ${OFT:+--oft "$OFT"}
echo "load after: $(uptime)"
