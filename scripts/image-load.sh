#!/usr/bin/env bash
# The site while it makes the variants of COUNT new images (issue 23): writes a blog's mix of phone
# photos, blog photos and PNG diagrams in posts of ten (ImageProcessingMeasure, in the test
# sources), starts the packaged jar on them with a fresh data folder as bench.sh does, and measures
# the article with wrk (64 connections) in 20 s windows until the log says every variant is made,
# then once more. Prints each window's rate and p99, and how long the variants took.
#
#   scripts/image-load.sh [COUNT]     (default 2000)
#
# IMAGE_LOAD_JAVA_OPTS replaces the JVM options (bench.sh's by default), IMAGE_LOAD_JAR the jar (for
# before and after in turns), IMAGE_LOAD_ARGS adds site options (--blog.images.worker.enabled=false
# makes the variants in the site's own JVM). Needs wrk, and the jar and test classes (./mvnw package).
# Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-2000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
JAR=${IMAGE_LOAD_JAR:-$(ls target/rls-blog-*.jar 2>/dev/null | head -1)}
[ -n "$JAR" ] && [ -d target/test-classes ] || { echo "build first: ./mvnw package" >&2; exit 2; }

W=$(mktemp -d /tmp/rls-image-load.XXXXXX)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W"' EXIT
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$W/classpath.txt" > /dev/null
cp -r content "$W/content"
echo "writing $COUNT images in posts of ten" >&2
java -cp "target/test-classes:target/classes:$(cat "$W/classpath.txt")" \
  org.rlsblog.images.ImageProcessingMeasure "$W/content" posts "$COUNT"
du -sh "$W/content/media" >&2

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
OPTS=${IMAGE_LOAD_JAVA_OPTS:--Xms192m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80}
MALLOC_ARENA_MAX=2 java $OPTS \
  -jar "$JAR" --server.port=$port --server.address=127.0.0.1 --blog.content-dir="$W/content" \
  --blog.data-dir="$W/data" --blog.watch=false --logging.level.root=WARN \
  --logging.level.org.rlsblog.images=INFO ${IMAGE_LOAD_ARGS:-} > "$W/app.log" 2>&1 &
PID=$!
started=$(date +%s)
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$W/app.log" >&2; exit 1; }
  sleep 0.2
done
echo "ready after $(( $(date +%s) - started )) s" >&2

window() {
  wrk -t2 -c64 -d20s --latency "$base/posts/rls-and-liver-diseases" \
    | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {printf "%10s req/s  p99 %s", r, p}'
}
printf '%-8s %-14s %s\n' "since" "images made" "the article, 64 connections, 20 s"
while ! grep -q "Image variants: all made" "$W/app.log"; do
  line=$(window)
  made=$(find "$W/data" -name '480.webp' 2>/dev/null | wc -l)
  printf '%5d s  %-14s %s\n' "$(( $(date +%s) - started ))" "$made" "$line"
  kill -0 "$PID" 2>/dev/null || { tail -20 "$W/app.log" >&2; exit 1; }
done
printf '%5d s  %-14s %s\n' "$(( $(date +%s) - started ))" "all (idle)" "$(window)"
grep -E "Image variants: all|problem|no variants" "$W/app.log" | tail -3
took=$(grep -o "this run took [0-9]*" "$W/app.log" | tail -1 | grep -o "[0-9]*$" || true)
[ -n "$took" ] && [ "$took" -gt 0 ] && awk -v n="$COUNT" -v s="$took" 'BEGIN {printf "%d images in %d s: %.2f images/s\n", n, s, n / s}'
