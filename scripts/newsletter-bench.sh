#!/usr/bin/env bash
# The newsletter benchmark (see docs/benchmarks.md, "Newsletter"): the application sends a new post
# to N subscribers through an in-process GreenMail at the given rate, printing the heap after a
# full collection every five seconds.
#   scripts/newsletter-bench.sh                 # 10000 subscribers at 500 mails per second
#   scripts/newsletter-bench.sh 10000 5         # at the default rate (about 33 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" \
  org.rlsblog.newsletter.NewsletterSendRun "${1:-10000}" "${2:-500}"
