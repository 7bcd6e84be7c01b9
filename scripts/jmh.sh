#!/usr/bin/env bash
# JMH benchmarks of the hot code paths (classes named *Benchmark under src/test/java):
#   scripts/jmh.sh                      # all of them
#   scripts/jmh.sh ContentLoad          # a regular expression of benchmarks, as JMH takes it
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" org.openjdk.jmh.Main "$@"
