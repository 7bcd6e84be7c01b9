#!/usr/bin/env bash
# The training start for class data sharing (CDS): starts the site with the given java command
# line, asks it for the pages readers ask for (home, an article, a tag, the feeds, the sitemap, a
# search, a missing page; plain and gzipped), then stops it, and the JVM writes what it learnt to
# ARCHIVE. Later starts use it with the one JVM option this script writes to ARCHIVE.args:
#   java @ARCHIVE.args -jar app.jar ...
#
#   scripts/cds-training.sh ARCHIVE PORT java-options-and-args...
#   e.g. scripts/cds-training.sh app.cds 8080 -Xms64m -jar app.jar --blog.data-dir=/tmp/training
#
# Which archive depends on the JVM (java from JAVA_HOME when set, else from PATH):
# - JDK 25 and later: an AOT cache (-XX:AOTCacheOutput, JEPs 483, 514 and 515): the classes loaded
#   and also linked, and the method profiles of the training, so the JIT compiles the hot code of
#   answering pages sooner: restarts are quicker than with JDK 17's archive (docs/benchmarks.md).
# - JDK 17 to 24: a dynamic archive of the loaded classes (-XX:ArchiveClassesAtExit).
#
# A start stopped as soon as its context was refreshed (-Dspring.context.exit=onRefresh) leaves
# out every class that answering a request loads (Thymeleaf's, the request side of Tomcat and of
# Spring Security, gzip): with them in the archive, the first answers after a start come sooner
# (docs/benchmarks.md, "Start-up"). The site must answer on 127.0.0.1:PORT.
# Needs only bash (no curl: the container image has none).
set -uo pipefail

[ $# -ge 3 ] || { echo "usage: $0 ARCHIVE PORT java-options-and-args..." >&2; exit 2; }
archive=$1 port=$2
shift 2

# GET path [header] -> the whole response on stdout; fails when nothing listens yet
http_get() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%s\r\n' "$1" "${2:+$2$'\r\n'}" >&3
  cat <&3
  exec 3<&-
}

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep ' AOTCacheOutput ' > /dev/null; then
  record=-XX:AOTCacheOutput use=-XX:AOTCache
else
  record=-XX:ArchiveClassesAtExit use=-XX:SharedArchiveFile
fi
rm -f "$archive" "$archive.args"
"$java" "$record=$archive" "$@" &
pid=$!
deadline=$((SECONDS + 300))
until http_get / 2>/dev/null | head -1 | grep -q ' 200'; do
  if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
    echo "cds-training: the site did not start" >&2
    kill "$pid" 2>/dev/null
    exit 1
  fi
  sleep 0.2
done

home=$(http_get /)
first_link() { grep -o "href=\"/$1/[^\"#?]*\"" <<<"$home" | head -1 | cut -d'"' -f2; }
article=$(first_link posts)
tag=$(first_link tags)
for path in ${article:+"$article"} ${tag:+"$tag"} /feed.atom /feed.rss /sitemap.xml "/search?q=the" /no-such-page; do
  http_get "$path" > /dev/null
  http_get "$path" "Accept-Encoding: gzip" > /dev/null
done
http_get / "Accept-Encoding: gzip" > /dev/null

# SIGTERM: the site shuts down gracefully, then the JVM writes the archive as it exits (an AOT
# cache: a second JVM, which it starts and waits for, makes it from what the first recorded)
kill -TERM "$pid"
wait "$pid"
status=$? # 143 (SIGTERM) is the usual end here, so the archive decides, not the status
if [ ! -s "$archive" ]; then
  echo "cds-training: no archive written (java exited with $status)" >&2
  exit 1
fi
printf '%s=%s\n' "$use" "$archive" > "$archive.args"
echo "cds-training: ${article:-no article} and ${tag:-no tag} among the pages asked for; archive $(du -h "$archive" | cut -f1), used with $(cat "$archive.args")" >&2
