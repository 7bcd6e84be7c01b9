#!/usr/bin/env bash
# The benchmark: builds the jar, starts it on a free loopback port with a generated content set,
# runs wrk at 16 and 64 connections against the article, home, tag, feed and search pages and a
# comment POST mix, measures nginx serving the same article HTML as a static file (and Hugo's
# server serving it as a page, when hugo is installed), and prints one table. Stops everything it
# started, by PID.
#
#   scripts/bench.sh [--no-build] [--posts N] [--duration 10s]
#
# The JVM is java from JAVA_HOME when set, else from PATH; the container image runs JDK 25:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench.sh
#
# Needs wrk (and nginx and hugo for the peers): apt-get install -y wrk nginx hugo
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1; POSTS=200; DURATION=10s; SEED_COMMENTS=20
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --posts) POSTS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --seed-comments) SEED_COMMENTS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

WORK=$(mktemp -d /tmp/rls-bench.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

if [ "$BUILD" = 1 ]; then ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package; fi
JAR=$(ls target/rls-blog-*[0-9T].jar | head -1)

echo "generating content: the real posts + $POSTS generated, $SEED_COMMENTS approved comments on the seed article" >&2
cp -r content "$WORK/content"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "JVM: $("$JAVA" -version 2>&1 | head -1)" >&2
"$JAVA" scripts/GenerateContent.java "$WORK/content" "$POSTS" "$SEED_COMMENTS"

# The JVM as it is meant to run on a small machine: a bounded heap (the JVM would otherwise size it
# from all of this machine's memory), and class data sharing from a training start that answered
# each kind of page once, as the container image does.
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms192m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=2 # as in the container image
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
TRAIN_PORT=$(free_port) # the training start answers the pages once (scripts/cds-training.sh)
scripts/cds-training.sh "$WORK/app.cds" "$TRAIN_PORT" $JAVA_OPTS -jar "$APP_JAR" --server.port="$TRAIN_PORT" \
  --server.address=127.0.0.1 --blog.content-dir="$WORK/content" --blog.data-dir="$WORK/training" \
  --blog.watch=false --logging.level.root=WARN > /dev/null 2>&1 || echo "no CDS archive: the training start failed" >&2
CDS=""; [ -f "$WORK/app.cds.args" ] && CDS="@$WORK/app.cds.args" # JDK 25: an AOT cache; 17: a CDS archive

ms_until_answer() { # url command... -> ms from launch until the url answers (then stops it)
  local url=$1; shift
  local t0; t0=$(date +%s%N)
  "$@" > /dev/null 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "failed"; return; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
time_to_first_answer() { # data-dir jar-and-options... -> ms until the article answers
  local data=$1; shift
  local port; port=$(free_port)
  ms_until_answer "http://127.0.0.1:$port/posts/rls-and-liver-diseases" "$JAVA" "$@" --server.port="$port" \
    --server.address=127.0.0.1 --blog.content-dir="$WORK/content" --blog.data-dir="$data" --blog.watch=false \
    --logging.level.root=WARN
}
START_PLAIN=$(time_to_first_answer "$WORK/start-plain" -jar "$JAR")
# a first start (empty data folder: database created, every post rendered), then a restart
START_FIRST=$(time_to_first_answer "$WORK/start-cds" $JAVA_OPTS $CDS -jar "$APP_JAR")
START_AGAIN=$(time_to_first_answer "$WORK/start-cds" $JAVA_OPTS $CDS -jar "$APP_JAR")

# The calibration: a bare Spring Boot web app (scripts/MinimalWebApp.java: Spring MVC on Tomcat and
# nothing else) on the site's own jars and JVM options, without class data sharing. The issue gave
# its figures for it (1.3 s to start, about 39,000 requests/s for the article's bytes), so the
# ratios below compare across machines.
MIN_CP=$(ls "$WORK"/app/lib/*.jar | grep -E '/(spring-(aop|beans|boot|boot-autoconfigure|boot-http-converter|boot-jackson|boot-servlet|boot-tomcat|boot-web-server|boot-webmvc|context|core|expression|web|webmvc)|tomcat-embed-(core|el|websocket)|logback-(classic|core)|slf4j-api|commons-logging|jul-to-slf4j|log4j-(api|to-slf4j)|micrometer-(commons|observation)|jspecify|snakeyaml|jackson-[a-z]+|jakarta.annotation-api)-[0-9]' | paste -sd:)
"${JAVA%java}javac" -nowarn -d "$WORK/minimal" -cp "$MIN_CP" scripts/MinimalWebApp.java
MIN_PORT=$(free_port)
MINIMAL=("$JAVA" $JAVA_OPTS -cp "$WORK/minimal:$MIN_CP" bench.MinimalWebApp --server.port="$MIN_PORT"
  --server.address=127.0.0.1 --logging.level.root=WARN --article="$WORK/content/posts/rls-and-liver-diseases.md")
START_MINIMAL=$(ms_until_answer "http://127.0.0.1:$MIN_PORT/article" "${MINIMAL[@]}")
START_MINIMAL2=$(ms_until_answer "http://127.0.0.1:$MIN_PORT/article" "${MINIMAL[@]}")
time_to_first_answer "$WORK/start-extracted" $JAVA_OPTS -jar "$APP_JAR" > /dev/null # a first start, then
START_EXTRACTED=$(time_to_first_answer "$WORK/start-extracted" $JAVA_OPTS -jar "$APP_JAR") # a restart

PORT=$(free_port)
"$JAVA" $JAVA_OPTS $CDS -jar "$APP_JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --blog.content-dir="$WORK/content" --blog.data-dir="$WORK/data" --blog.watch=false \
  --blog.comments.flood-interval=0 --blog.comments.min-fill-time=0 --logging.level.root=WARN \
  --logging.level.org.rlsblog.content.PostCatalog=INFO > "$WORK/app.log" 2>&1 &
APP=$!; PIDS+=("$APP")
BASE="http://127.0.0.1:$PORT"
# ready: the existing comments (20 on the article) are imported once the site is up
until curl -fs -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.05
done

ARTICLE=/posts/rls-and-liver-diseases
curl -fs "$BASE$ARTICLE" -o "$WORK/article.html"
declare -A TARGETS=(
  [article]="$ARTICLE" [home]="/" [tag]="/tags/rls" [feed]="/feed.atom" [search]="/search?q=liver"
)
ORDER=(article home tag feed search)
for name in "${ORDER[@]}"; do curl -fs -o /dev/null "$BASE${TARGETS[$name]}"; done

# nginx serving the same article HTML as a static file: the practical limit on this machine
NGINX_LINE=""
if command -v nginx >/dev/null; then
  NPORT=$(free_port)
  mkdir -p "$WORK/nginx/html"
  cp "$WORK/article.html" "$WORK/nginx/html/article.html"
  curl -fs "$BASE/feed.atom" -o "$WORK/nginx/html/feed.atom"
  # browsers ask for gzip: nginx answers them from copies compressed beforehand (gzip_static)
  gzip -9 -k "$WORK/nginx/html/article.html" "$WORK/nginx/html/feed.atom"
  chmod 755 "$WORK" "$WORK/nginx" "$WORK/nginx/html"; chmod 644 "$WORK/nginx/html/"*
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto; daemon off; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http { access_log off; gzip_static on; types { text/html html; application/atom+xml atom; }
       server { listen 127.0.0.1:$NPORT; root $WORK/nginx/html; } }
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & PIDS+=("$!")
  until curl -fs -o /dev/null "http://127.0.0.1:$NPORT/article.html"; do sleep 0.05; done
fi

# Hugo's built-in server (the static-site generator the issue compares with) serving the same
# article HTML as a page of a Hugo site, rendered into its memory as `hugo server` does
if command -v hugo >/dev/null; then
  HPORT=$(free_port)
  mkdir -p "$WORK/hugo/content" "$WORK/hugo/layouts/_default"
  { printf -- '---\ntitle: article\nurl: /article.html\n---\n'; cat "$WORK/article.html"; } > "$WORK/hugo/content/article.html"
  echo '{{ .Content }}' > "$WORK/hugo/layouts/_default/single.html"
  printf 'baseURL = "http://127.0.0.1:%s/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n' \
    "$HPORT" > "$WORK/hugo/config.toml"
  hugo server --source "$WORK/hugo" --port "$HPORT" --bind 127.0.0.1 --disableLiveReload --watch=false \
    > "$WORK/hugo.log" 2>&1 & PIDS+=("$!"); HUGO=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$HPORT/article.html"; do
    kill -0 "$HUGO" 2>/dev/null || { cat "$WORK/hugo.log" >&2; unset HPORT; break; }
    sleep 0.05
  done
fi

GZIP=(-H "Accept-Encoding: gzip, deflate, br")
run_wrk() { # url connections [script] [wrk options...] -> "rps p50 p99 errors"
  local url=$1 conns=$2 script=${3:-}
  shift 3 2>/dev/null || shift $#
  local out
  out=$(wrk -t2 -c"$conns" -d"$DURATION" --latency ${script:+-s "$script"} "$@" "$url" 2>&1)
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {e+=$NF} /Socket errors/ {gsub(",","");e+=$4+$6+$8+$10} END {print e+0}' <<<"$out")
  echo "$rps $p50 $p99 $errors"
}
measure() { # label connections url [wrk options...]: prints one row of the table, and sets RPS
  local label=$1 conns=$2 url=$3 p50 p99 err
  shift 3
  read -r RPS p50 p99 err < <(run_wrk "$url" "$conns" "" "$@")
  printf '%-22s %6s %10s %10s %10s %8s\n' "$label" "$conns" "$RPS" "$p50" "$p99" "$err"
}
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

printf '\n%-22s %6s %10s %10s %10s %8s\n' "what" "conns" "req/s" "p50" "p99" "errors"
NGINX64=0; NGINXFEED64=0; NGINXGZIP64=0
if [ -n "${NPORT:-}" ]; then
  for c in 16 64; do measure "nginx static article" "$c" "http://127.0.0.1:$NPORT/article.html"; done
  NGINX64=$RPS
  measure "nginx article, gzip" 64 "http://127.0.0.1:$NPORT/article.html" "${GZIP[@]}"
  NGINXGZIP64=$RPS
  measure "nginx static feed" 64 "http://127.0.0.1:$NPORT/feed.atom"
  NGINXFEED64=$RPS
fi
HUGO64=0
if [ -n "${HPORT:-}" ]; then
  for c in 16 64; do measure "Hugo server article" "$c" "http://127.0.0.1:$HPORT/article.html"; done
  HUGO64=$RPS
  HUGO_RSS=$(rss_mb "$HUGO")
  kill "$HUGO"; wait "$HUGO" 2>/dev/null || true
fi
# the bare Spring Boot endpoint answering with the same article bytes
MIN_PORT=$(free_port)
MINIMAL[${#MINIMAL[@]}-1]="--article=$WORK/article.html"
MINIMAL=("${MINIMAL[@]/--server.port=*/--server.port=$MIN_PORT}")
"${MINIMAL[@]}" > "$WORK/minimal.log" 2>&1 & PIDS+=("$!")
until curl -fs -o /dev/null "http://127.0.0.1:$MIN_PORT/article"; do
  kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/minimal.log" >&2; exit 1; }
  sleep 0.05
done
# it is compiled from cold here, where the site has compiled its code over the runs before: 20 s
# of warm-up, as a cold start keeps speeding up for that long on 2 cores
wrk -t2 -c64 -d20s "http://127.0.0.1:$MIN_PORT/article" > /dev/null 2>&1
measure "bare Spring endpoint" 64 "http://127.0.0.1:$MIN_PORT/article"
MINIMAL64=$RPS
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

# The JVM compiles what it runs often: a few seconds of each page first, as a running site has had
for name in "${ORDER[@]}"; do
  wrk -t2 -c16 -d3s "$BASE${TARGETS[$name]}" > /dev/null 2>&1
done
ARTICLE64=0; FEED64=0; ARTICLEGZIP64=0
for name in "${ORDER[@]}"; do
  for c in 16 64; do measure "$name" "$c" "$BASE${TARGETS[$name]}"; done
  if [ "$name" = feed ]; then FEED64=$RPS; fi
  if [ "$name" = article ]; then ARTICLE64=$RPS; fi
  measure "$name, gzip" 64 "$BASE${TARGETS[$name]}" "${GZIP[@]}" # as a browser asks
  if [ "$name" = article ]; then ARTICLEGZIP64=$RPS; fi
done

# Comments: a form token older than the 3 s least fill time, one CSRF cookie, distinct bodies
CJ="$WORK/cookies"
curl -fs -c "$CJ" -b "$CJ" "$BASE$ARTICLE" -o "$WORK/form.html"
export BENCH_CSRF BENCH_FORM_TOKEN BENCH_XSRF_COOKIE BENCH_POST_PATH="$ARTICLE/comments"
BENCH_CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/form.html" | sed 's/.*value="//;s/"$//' | sed 's/=/%3D/g')
BENCH_FORM_TOKEN=$(grep -o 'name="formToken" value="[^"]*"' "$WORK/form.html" | sed 's/.*value="//;s/"$//')
BENCH_XSRF_COOKIE=$(awk '$6=="XSRF-TOKEN" {print $7}' "$CJ")
sleep 3.2
# The POST path (binding, validation, the store) is cold until now: 30 s to let the JIT compile
# it, as a site taking comments all day would have (on 2 cores it keeps compiling that long),
# then the measured run.
DURATION_SAVED=$DURATION; DURATION=30s
run_wrk "$BASE$ARTICLE/comments" 16 scripts/comment-post.lua > /dev/null
DURATION=$DURATION_SAVED
read -r rps p50 p99 err < <(run_wrk "$BASE$ARTICLE/comments" 16 scripts/comment-post.lua)
printf '%-22s %6s %10s %10s %10s %8s\n' "comment POST" 16 "$rps" "$p50" "$p99" "$err"
COMMENTS_RPS=$rps
# readers while comments are being written
wrk -t1 -c8 -d"$DURATION" -s scripts/comment-post.lua "$BASE$ARTICLE/comments" > "$WORK/mixed-posts.txt" 2>&1 &
MIX=$!; PIDS+=("$MIX")
measure "article during POSTs" 64 "$BASE$ARTICLE"
wait "$MIX" || true
printf '%-22s %6s %10s\n' "  (POSTs meanwhile)" 8 "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/mixed-posts.txt")"

echo
echo "start to first answered request (extracted jar + ${CDS:+$(sed 's/=.*//' "$WORK/app.cds.args")}, $JAVA_OPTS):"
echo "  first start ${START_FIRST} ms, restart ${START_AGAIN} ms; plain java -jar, first start: ${START_PLAIN} ms"
echo "  the same JVM options without the site's CDS archive: the site's restart (extracted jar) ${START_EXTRACTED} ms;"
echo "  the bare Spring Boot web app ${START_MINIMAL} / ${START_MINIMAL2} ms"
awk -v s="$START_AGAIN" -v e="$START_EXTRACTED" -v m1="$START_MINIMAL" -v m2="$START_MINIMAL2" 'BEGIN {
  m = (m1 < m2 ? m1 : m2); if (m + 0 > 0) printf "  site restart vs bare app: %.2f (the issue: 2 s against 1.3 s, 1.54); like for like, restarts without the archive: %.2f\n", s / m, e / m }'
echo "content loaded (the run measured above, a first start): $(grep -o 'Content loaded: .*' "$WORK/app.log" | head -1)"
echo "resident memory after the load:  $(rss_mb "$APP") MB"
# what the heap holds that lives (a full collection, after every run above): unlike the resident
# memory, it does not depend on the heap size given
echo "live heap at the end: $("${JAVA%java}jcmd" "$APP" GC.class_histogram 2>/dev/null | awk '/^Total/ {printf "%d", $3 / 1048576}') MB"
if [[ "$JAVA_OPTS" == *NativeMemoryTracking* ]]; then # where it goes (BENCH_JAVA_OPTS="... -XX:NativeMemoryTracking=summary")
  "${JAVA%java}jcmd" "$APP" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/  /' || echo "  (jcmd could not attach)"
  awk '/^Rss:/ {r+=$2} /^[0-9a-f]+-/ {f=$6} /^Rss:/ && f ~ /\.(jsa|cds)$/ {j+=$2} END {printf "  RSS %d MB, of which class data sharing archives %d MB\n", r/1024, j/1024}' "/proc/$APP/smaps"
fi
echo "comments accepted (durable, spam checks on, flood limit off: one client): ${COMMENTS_RPS}/s"
if [ "$NGINX64" -gt 0 ]; then
  echo "article vs nginx static at 64 connections: $(awk -v a="$ARTICLE64" -v n="$NGINX64" 'BEGIN {printf "%.2f", a/n}')"
  echo "article vs nginx, both gzip, at 64:         $(awk -v a="$ARTICLEGZIP64" -v n="$NGINXGZIP64" 'BEGIN {printf "%.2f", a/n}')"
  echo "feed vs nginx static at 64 connections:    $(awk -v a="$FEED64" -v n="$NGINXFEED64" 'BEGIN {printf "%.2f", a/n}')"
fi
if [ "$HUGO64" -gt 0 ]; then
  echo "article vs Hugo's server at 64 connections: $(awk -v a="$ARTICLE64" -v h="$HUGO64" 'BEGIN {printf "%.2f", a/h}') (Hugo resident: ${HUGO_RSS} MB)"
fi
echo "article vs the bare Spring endpoint at 64:  $(awk -v a="$ARTICLE64" -v m="$MINIMAL64" 'BEGIN {if (m > 0) printf "%.2f", a/m; else printf "n/a"}') (the issue: about 39,000/s for it)"
