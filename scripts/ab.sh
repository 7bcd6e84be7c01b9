#!/usr/bin/env bash
# Builds compared in turns: each round starts every build once, on its own fresh data folder, and
# measures the article (64 connections, plain and gzipped) and comment POSTs (16 connections), as bench.sh does but
# in a minute a build. Use it to decide whether a piece earns its place: make a throw-away build
# that switches the piece off (a -D flag read where it is used), then compare the two in turns.
#
#   scripts/ab.sh [--rounds N] 'before=/path/a.jar' 'after=target/rls-blog-0.1.0-SNAPSHOT.jar -Dsome.flag=true' ...
#
# Needs wrk. Stops what it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3
if [ "${1:-}" = --rounds ]; then ROUNDS=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: scripts/ab.sh [--rounds N] 'name=jar [jvm flags]'..." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

W=$(mktemp -d /tmp/rls-ab.XXXXXX)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W"' EXIT
cp -r content "$W/content"
java scripts/GenerateContent.java "$W/content" 200 20 > /dev/null 2>&1
OPTS="-Xms192m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80"
export MALLOC_ARENA_MAX=2
ARTICLE=/posts/rls-and-liver-diseases

run_one() { # name jar flags...
  local name=$1 jar=$2; shift 2
  local port=$((20000 + RANDOM % 20000))
  rm -rf "$W/data"
  java $OPTS "$@" -jar "$jar" --server.port=$port --server.address=127.0.0.1 --blog.content-dir="$W/content" \
    --blog.data-dir="$W/data" --blog.watch=false --blog.comments.flood-interval=0 --blog.comments.min-fill-time=0 --logging.level.root=WARN \
    > "$W/app.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { echo "$name did not start:" >&2; tail -20 "$W/app.log" >&2; return; }
    sleep 0.1
  done
  local base="http://127.0.0.1:$port"
  wrk -t2 -c64 -d15s "$base$ARTICLE" > /dev/null 2>&1 # the JIT compiles what it runs often
  local article gzipped
  article=$(wrk -t2 -c64 -d10s --latency "$base$ARTICLE" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r, "p99", p}')
  gzipped=$(wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$base$ARTICLE" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r, "p99", p}')
  # comments: a form token older than the least fill time, one CSRF cookie, distinct bodies
  curl -fs -c "$W/cookies" -b "$W/cookies" "$base$ARTICLE" -o "$W/form.html"
  export BENCH_POST_PATH="$ARTICLE/comments"
  BENCH_CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$W/form.html" | sed 's/.*value="//;s/"$//;s/=/%3D/g')
  BENCH_FORM_TOKEN=$(grep -o 'name="formToken" value="[^"]*"' "$W/form.html" | sed 's/.*value="//;s/"$//')
  BENCH_XSRF_COOKIE=$(awk '$6=="XSRF-TOKEN" {print $7}' "$W/cookies")
  export BENCH_CSRF BENCH_FORM_TOKEN BENCH_XSRF_COOKIE
  sleep 3.2
  wrk -t2 -c16 -d20s -s scripts/comment-post.lua "$base$ARTICLE/comments" > /dev/null 2>&1
  local comments
  comments=$(wrk -t2 -c16 -d10s --latency -s scripts/comment-post.lua "$base$ARTICLE/comments" \
    | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r, "p99", p}')
  printf '%-20s article/s %-24s gzipped/s %-24s comments/s %s\n' "$name" "$article" "$gzipped" "$comments"
  kill "$PID"; wait "$PID" 2>/dev/null; PID=""
}

for round in $(seq "$ROUNDS"); do
  echo "round $round"
  for build in "$@"; do
    name=${build%%=*}
    read -r -a words <<< "${build#*=}"
    run_one "$name" "${words[@]}"
  done
done
