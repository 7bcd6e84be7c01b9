#!/usr/bin/env bash
# How far one client searching as hard as it can slows readers down, against a site that is
# already running: wrk measures the article alone, then again while a second wrk sends worst-case
# unique searches (scripts/search-abuse.lua: ten words with * and ~ each, never the same twice) as
# fast as it can. Prints the article's p50 and p99 both times, and how the searches were answered
# (200, or 429 from the per-client rate limit). Starts nothing but wrk; builds nothing.
#
#   scripts/search-abuse.sh [--url http://127.0.0.1:8080] [--article /posts/rls-and-liver-diseases]
#                           [--duration 30s] [--connections 16] [--spread]
#
# --spread: each search claims another client address (X-Forwarded-For, trusted from loopback), as
#           a botnet would: the per-client limit then never applies, and only the bounds on one
#           query hold. Run the site with BLOG_SEARCH_SEARCHES_PER_MINUTE=0 for the same effect.
# Run it on a quiet machine, with the site on the same machine as the benchmark in
# docs/benchmarks.md. Needs wrk: apt-get install -y wrk
set -euo pipefail
cd "$(dirname "$0")/.."

URL=http://127.0.0.1:8080; ARTICLE=/posts/rls-and-liver-diseases; DURATION=30s; CONNS=16; SPREAD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL=$2; shift ;;
    --article) ARTICLE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNS=$2; shift ;;
    --spread) SPREAD=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
curl -fs -o /dev/null "$URL$ARTICLE" || { echo "no answer from $URL$ARTICLE: start the site first" >&2; exit 2; }

WORK=$(mktemp -d /tmp/rls-search-abuse.XXXXXX)
ABUSER=""
cleanup() { [ -n "$ABUSER" ] && kill "$ABUSER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

reader() { # -> "p50 p99 req/s" of the article, 8 connections, for DURATION
  local out
  out=$(wrk -t1 -c8 -d"$DURATION" --latency "$URL$ARTICLE" 2>&1)
  echo "$(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") $(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}

seconds=${DURATION%s}
echo "warming up the article for 5 s" >&2
wrk -t1 -c8 -d5s "$URL$ARTICLE" > /dev/null 2>&1

read -r alone50 alone99 aloneRps < <(reader)

echo "searching as hard as possible with $CONNS connections$([ "$SPREAD" = 1 ] && echo ', each search from another address')" >&2
SEARCH_ABUSE_SPREAD=$SPREAD wrk -t1 -c"$CONNS" -d"$((seconds + 4))s" -s scripts/search-abuse.lua "$URL/search" \
  > "$WORK/abuser.txt" 2>&1 &
ABUSER=$!
sleep 2 # the abuser at full pace before the reader measures
read -r busy50 busy99 busyRps < <(reader)
wait "$ABUSER" || true
ABUSER=""

printf '\n%-34s %10s %10s %10s\n' "article ($ARTICLE)" "p50" "p99" "req/s"
printf '%-34s %10s %10s %10s\n' "alone" "$alone50" "$alone99" "$aloneRps"
printf '%-34s %10s %10s %10s\n' "while one client searches" "$busy50" "$busy99" "$busyRps"
echo
echo "searches sent: $(awk '/Requests\/sec/ {print $2}' "$WORK/abuser.txt") req/s, latency p50/avg $(awk '$1=="Latency" {print $2}' "$WORK/abuser.txt")"
grep "search answers by status" "$WORK/abuser.txt" || true
