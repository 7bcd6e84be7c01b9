#!/usr/bin/env bash
# Lighthouse on an article with six 12-megapixel photos, as a phone on mobile data sees it (issue
# 23): Lighthouse's default mobile run (a mid-range phone, simulated slow 4G) on the packaged jar,
# with Debian's Chromium. Prints the performance score, CLS, LCP, and the image bytes the page
# transferred against the total of the original photos. Stops what it started, by PID.
#
#   scripts/lighthouse.sh [--build] [--settle SECONDS] [--keep]
#
#   --build         build the jar first (by default target/rls-blog-*.jar is used, built if absent)
#   --settle N      how long to wait for the photos' variants before measuring
#                   anyway (default 300)
#   --keep          keep the temporary folder (content, data, server log)
#
# Installs lighthouse and chrome-launcher from npm into LIGHTHOUSE_CACHE (default
# ~/.cache/rls-blog-lighthouse) the first time. Needs node, npm, curl and /usr/bin/chromium
# (CHROME_PATH to use another). The reports are written to target/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Lighthouse 13 needs Node 22; 12.8 runs on the Node 20 of Debian's and this machine's packages.
LIGHTHOUSE_VERSION=12.8.2
CHROME_LAUNCHER_VERSION=1.2.2
PHOTOS=6
BUILD=0; SETTLE=300; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=1 ;;
    --settle) SETTLE=$2; shift ;;
    --keep) KEEP=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "no browser at $CHROME_PATH: apt-get install -y chromium" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are missing: apt-get install -y nodejs npm" >&2; exit 2; }

CACHE=${LIGHTHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rls-blog-lighthouse}
LIGHTHOUSE="$CACHE/node_modules/lighthouse/cli/index.js"
if [ ! -f "$LIGHTHOUSE" ] || [ ! -d "$CACHE/node_modules/chrome-launcher" ]; then
  echo "installing lighthouse@$LIGHTHOUSE_VERSION and chrome-launcher@$CHROME_LAUNCHER_VERSION into $CACHE" >&2
  mkdir -p "$CACHE"
  npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error \
    "lighthouse@$LIGHTHOUSE_VERSION" "chrome-launcher@$CHROME_LAUNCHER_VERSION" >&2
fi

JAR=$(ls target/rls-blog-*[0-9T].jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ "$BUILD" = 1 ]; then
  echo "building the jar" >&2
  ./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package
  JAR=$(ls target/rls-blog-*[0-9T].jar | head -1)
fi

WORK=$(mktemp -d /tmp/rls-lighthouse.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "making $PHOTOS photos of 12 megapixels" >&2
"$JAVA" scripts/GeneratePhotos.java "$WORK/content/media/photos" "$PHOTOS" > /dev/null
mkdir -p "$WORK/content/posts" "$WORK/content/pages"
{
  printf -- '---\ntitle: A walk in six photos\ndate: 2024-06-01\ntags: [walking]\n---\n\n'
  printf 'An evening walk helps against restless legs. Six photos from the way, as a phone takes them.\n\n'
  for n in $(seq 1 "$PHOTOS"); do
    printf '![Hills under an evening sky, photo %s of the walk](/media/photos/photo-%s.jpg)\n\n' "$n" "$n"
    printf 'The path climbs for a while here, past fields and a row of trees. %.0s' $(seq 1 12)
    printf '\n\n'
  done
} > "$WORK/content/posts/a-walk-in-six-photos.md"
ORIGINAL_BYTES=$(cat "$WORK"/content/media/photos/*.jpg | wc -c)

PORT=$(free_port)
URL="http://127.0.0.1:$PORT/posts/a-walk-in-six-photos"
echo "starting $JAR on port $PORT" >&2
"$JAVA" ${LIGHTHOUSE_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --blog.content-dir="$WORK/content" --blog.data-dir="$WORK/data" > "$WORK/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$URL" && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { echo "the site did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
  sleep 1
done

# Processing settles when every photo's variant is served as one (cached for a year, immutable);
# until then its address answers with the original.
echo "waiting up to ${SETTLE}s for the photos' variants" >&2
deadline=$(( $(date +%s) + SETTLE ))
while :; do
  srcs=$(curl -fs "$URL" | grep -o '<img [^>]*of the walk[^>]*>' | grep -o 'src="/images/[^"]*"' | cut -d'"' -f2 || true)
  total=$(printf '%s\n' "$srcs" | grep -c '^/images/' || true)
  made=0
  for src in $srcs; do
    curl -fsI "http://127.0.0.1:$PORT$src" | grep -qi '^cache-control:.*immutable' && made=$((made + 1))
  done
  [ "$total" -eq "$PHOTOS" ] && [ "$made" = "$total" ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "after ${SETTLE}s, the variants of $made of $total photos are made: measuring as it is" >&2
    break
  fi
  sleep 2
done

mkdir -p target/lighthouse
echo "running Lighthouse (mobile, simulated slow 4G)" >&2
node "$LIGHTHOUSE" "$URL" --quiet --only-categories=performance \
  --chrome-flags="--headless --no-sandbox --disable-background-networking" \
  --output=json --output=html --output-path=target/lighthouse/article-with-photos

node - target/lighthouse/article-with-photos.report.json "$ORIGINAL_BYTES" <<'JS'
const [report, originals] = [require(require('path').resolve(process.argv[2])), Number(process.argv[3])];
const audit = id => report.audits[id];
const images = (audit('network-requests').details.items || []).filter(r => r.resourceType === 'Image');
const imageBytes = images.reduce((sum, r) => sum + (r.transferSize || 0), 0);
const mb = bytes => (bytes / 1e6).toFixed(2) + ' MB';
console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ` +
  `${report.configSettings.throttlingMethod} throttling (${report.configSettings.throttling.rttMs} ms RTT, ` +
  `${report.configSettings.throttling.throughputKbps} kbit/s)`);
console.log(`performance score  ${Math.round(report.categories.performance.score * 100)}`);
console.log(`CLS                ${audit('cumulative-layout-shift').numericValue.toFixed(3)}`);
console.log(`LCP                ${(audit('largest-contentful-paint').numericValue / 1000).toFixed(1)} s`);
console.log(`image bytes        ${mb(imageBytes)} in ${images.length} requests, of ${mb(originals)} ` +
  `of originals (${(100 * imageBytes / originals).toFixed(1)} %)`);
JS
echo "reports: target/lighthouse/article-with-photos.report.{html,json}" >&2
