#!/usr/bin/env bash
# Builds the container image for real and checks it works: run with a data volume and a copy of
# content/ with one photo more, wait for health, read the seed article, wait for the photo's WebP
# variant (made by the image worker process inside the container), post a comment, restart, find
# the comment again, check the process is not root; then remove what it started. Uses docker when an engine answers, else a
# rootful podman set up here (no registry needed: base images come from debootstrap).
#
#   scripts/container-smoke-test.sh            # prints image size and time from run to healthy
#
# Needs: a filled Maven repository in ~/.m2 (run ./mvnw package once); root for podman setup.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=${RLS_CONTAINER_STATE:-/var/tmp/rls-blog-containers}
IMAGE=rls-blog:smoke
NAME=rls-blog-smoke
VOLUME=rls-blog-smoke-data
PORT=${SMOKE_PORT:-18080}
MGMT_PORT=${SMOKE_MANAGEMENT_PORT:-19090}
JAR=$(mktemp -d)
trap 'cleanup' EXIT

log() { printf '[smoke] %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

setup_podman() {
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
    log "installing podman, runc, debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
  fi
  mkdir -p "$STATE"
  local limit nproc
  limit=$(ulimit -Hn); [ "$limit" = unlimited ] && limit=16384; [ "$limit" -gt 16384 ] && limit=16384
  nproc=$(ulimit -Hu); [ "$nproc" = unlimited ] && nproc=16384; [ "$nproc" -gt 16384 ] && nproc=16384
  cat > "$STATE/containers.conf" <<CONF
[containers]
netns = "host"
default_ulimits = ["nofile=${limit}:${limit}", "nproc=${nproc}:${nproc}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  cat > "$STATE/storage.conf" <<CONF
[storage]
driver = "overlay"
runroot = "$STATE/run"
graphroot = "$STATE/storage"
CONF
  export CONTAINERS_CONF="$STATE/containers.conf" CONTAINERS_STORAGE_CONF="$STATE/storage.conf"
  if ! podman image exists localhost/debian:bookworm; then
    local mirror
    mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
      | grep -oE '^(URIs:|deb) +https?://[^ ]+' | grep -v security | head -1 | awk '{print $2}' || true)
    [ -n "$mirror" ] || fail "no Debian mirror found in apt's sources"
    log "making a Debian base image with debootstrap from apt's own mirror"
    rm -rf "$STATE/rootfs"
    debootstrap --variant=minbase bookworm "$STATE/rootfs" "$mirror" >/dev/null
    tar -C "$STATE/rootfs" -c . | podman import - localhost/debian:bookworm >/dev/null
    rm -rf "$STATE/rootfs"
  fi
  # The Dockerfile's default is Temurin 25 (eclipse-temurin:25-jdk/-jre). Debian has no JDK 25, so
  # a Temurin 25 on this machine stands in: the JDK as it is for the build stage, and a runtime
  # made from it by jlink (every module but the incubator's and the ones that make runtimes, no
  # debug symbols, the JDK's default CDS archive, as in Temurin's JRE images) for the run stage. Without one, Debian's OpenJDK 17 (the image then uses a CDS archive, not the AOT
  # cache).
  JDK25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -1 || true)}
  if [ -n "$JDK25" ] && [ -x "$JDK25/bin/jlink" ]; then
    JAVA_VERSION=25
    if ! podman image exists localhost/rls-jre:25 || ! podman image exists localhost/rls-jdk:25; then
      log "making localhost/rls-jdk:25 and localhost/rls-jre:25 from $JDK25"
      local ctx="$STATE/jdk25-context"
      rm -rf "$ctx" && mkdir -p "$ctx"
      cp -a "$JDK25" "$ctx/jdk"
      "$JDK25/bin/jlink" --add-modules "$("$JDK25/bin/java" --list-modules | sed 's/@.*//' | grep -v -E '^jdk\.(jlink|jpackage|incubator\..*)$' | paste -sd,)" --strip-debug --no-man-pages --no-header-files \
        --generate-cds-archive --output "$ctx/jre" >/dev/null
      for kind in jre jdk; do
        printf 'FROM localhost/debian:bookworm\nCOPY %s /opt/java/openjdk\nENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' "$kind" \
          | podman build -q -t "localhost/rls-$kind:25" -f - "$ctx" >/dev/null
      done
      rm -rf "$ctx"
    fi
  else
    JAVA_VERSION=17
    for kind in jre jdk; do
      if ! podman image exists "localhost/rls-$kind:17"; then
        log "making localhost/rls-$kind:17"
        printf 'FROM localhost/debian:bookworm\nRUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-%s-headless >/dev/null && rm -rf /var/lib/apt/lists/*\n' "$kind" \
          | podman build -q -t "localhost/rls-$kind:17" -f - "$STATE" >/dev/null
      fi
    done
  fi
}

cleanup() {
  [ -n "${ENGINE:-}" ] || return 0
  $ENGINE rm -f "$NAME" >/dev/null 2>&1 || true
  $ENGINE volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  $ENGINE rmi -f "$IMAGE" >/dev/null 2>&1 || true
  rm -rf "$JAR"
}

wait_healthy() {
  local deadline=$((SECONDS + 120))
  until curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { $ENGINE logs "$NAME" | tail -40 >&2; fail "not healthy within 120 s"; }
    sleep 0.2
  done
}

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  ENGINE=docker
  BUILD=(docker build -t "$IMAGE" .)
  RUN_NET=(-p "$PORT:$PORT" -p "$MGMT_PORT:$MGMT_PORT")
else
  setup_podman
  ENGINE=podman
  [ -d "$HOME/.m2/repository" ] || fail "fill ~/.m2 first (./mvnw package)"
  BUILD=(podman build --network none -v "$HOME/.m2:/root/.m2"
         --build-arg BUILD_IMAGE="localhost/rls-jdk:$JAVA_VERSION" --build-arg BASE_IMAGE="localhost/rls-jre:$JAVA_VERSION"
         -t "$IMAGE" .)
  RUN_NET=()
fi

log "building the image with $ENGINE"
start=$SECONDS
"${BUILD[@]}" >"$JAR/build.log" 2>&1 || { tail -40 "$JAR/build.log" >&2; fail "image build failed"; }
log "built in $((SECONDS - start)) s"
size=$($ENGINE image inspect "$IMAGE" --format '{{.Size}}')
log "image size: $((size / 1024 / 1024)) MB"

# content/ and a post with a photo made here: the image worker must run inside the container (its
# own JVM, nice, the native WebP encoder on the image's JDK), which no test outside it shows
CONTENT="$JAR/content"
cp -r content "$CONTENT"
mkdir -p "$CONTENT/posts/smoke-photo"
printf -- '---\ntitle: A photo\ndate: 2020-01-01\n---\n\n![A calf muscle drawn for the smoke test](calf.jpg)\n' \
  >"$CONTENT/posts/smoke-photo/index.md"
cat >"$JAR/MakePhoto.java" <<'JAVA'
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

class MakePhoto {
    public static void main(String[] args) throws Exception {
        BufferedImage image = new BufferedImage(2400, 1600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 2400, 1600, Color.BLUE));
        g.fillRect(0, 0, 2400, 1600);
        g.dispose();
        ImageIO.write(image, "jpg", new File(args[0]));
    }
}
JAVA
java "$JAR/MakePhoto.java" "$CONTENT/posts/smoke-photo/calf.jpg" || fail "could not make the test photo"
chmod -R a+rX "$CONTENT"

$ENGINE volume create "$VOLUME" >/dev/null
run() {
  $ENGINE run -d --name "$NAME" "${RUN_NET[@]}" -v "$VOLUME:/data" -v "$CONTENT:/app/content:ro" \
    -e SERVER_PORT="$PORT" -e MANAGEMENT_SERVER_PORT="$MGMT_PORT" \
    -e BLOG_ADMIN_PASSWORD=smoke-test-password -e BLOG_COMMENTS_MIN_FILL_TIME=0 -e BLOG_WATCH=false \
    "$IMAGE" >/dev/null
}
t0=$(date +%s.%N)
run
wait_healthy
t1=$(date +%s.%N)
log "run to healthy: $(echo "$t1 - $t0" | bc) s"
log "JVM: $($ENGINE exec "$NAME" java -version 2>&1 | grep -i 'runtime environment' | head -1); class cache: $($ENGINE exec "$NAME" cat /app/app.cds.args)"
# a class cache the JVM could not use (another JVM, a changed jar) is only a warning: it must not pass
# except JDK-8364929's pair: two adapters whose signatures hash alike leave one adapter's saved code
# unlinked (the JVM makes it anew); the class cache itself is used
if $ENGINE logs "$NAME" 2>&1 | grep -E '\[(warning|error) *\]\[(aot|cds)' \
  | grep -vE "Saved blob's name '[A-Z]+' is different from the expected name|Failed to link AdapterHandlerEntry \(fp=[A-Z]+\)" >&2; then
  fail "the JVM did not use the image's class cache"
fi

base="http://127.0.0.1:$PORT"
jar="$JAR/cookies"
page=$(curl -fsS -c "$jar" -b "$jar" "$base/posts/rls-and-liver-diseases")
grep -q '<h1>RLS and Liver Diseases</h1>' <<<"$page" || fail "seed article not served"
grep -q '1 thought on' <<<"$page" || fail "seed comment not shown"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
token=$(grep -o 'name="formToken" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
marker="Smoke test comment $RANDOM$RANDOM"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$base/posts/rls-and-liver-diseases/comments" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "formToken=$token" --data-urlencode "name=Smoke" \
  --data-urlencode "email=smoke@example.org" --data-urlencode "body=$marker" --data-urlencode "_remember=on")
[ "$status" = 303 ] || fail "comment POST answered $status"
again=$(curl -fsS -b "$jar" "$base/posts/rls-and-liver-diseases")
grep -q "$marker" <<<"$again" || fail "comment not shown to its writer"
log "comment posted"

photo=$(curl -fsS "$base/posts/smoke-photo")
variant=$(grep -o '/images/[0-9a-f]*/[^ "]*\.webp' <<<"$photo" | head -1 || true)
[ -n "$variant" ] || fail "the photo's article has no WebP variant in its srcset"
deadline=$((SECONDS + 90))
until curl -fsS -D - -o "$JAR/variant" "$base$variant" | grep -qi '^cache-control:.*immutable'; do
  [ $SECONDS -lt $deadline ] || { $ENGINE logs "$NAME" 2>&1 | grep -i image | tail -20 >&2; fail "no variant made within 90 s: $variant"; }
  sleep 1
done
[ "$(head -c 4 "$JAR/variant")$(tail -c +9 "$JAR/variant" | head -c 4)" = RIFFWEBP ] || fail "$variant is not a WebP file"
$ENGINE logs "$NAME" 2>&1 | grep -q 'Image variants: worker process [0-9]* started' || fail "no image worker process started"
log "photo variant made by the worker process: $variant, $(wc -c <"$JAR/variant") bytes (original $(wc -c <"$CONTENT/posts/smoke-photo/calf.jpg"))"

uid=$($ENGINE exec "$NAME" id -u)
[ "$uid" != 0 ] || fail "the site runs as root"
log "runs as uid $uid"

$ENGINE stop -t 30 "$NAME" >/dev/null
$ENGINE rm "$NAME" >/dev/null
run
wait_healthy
after=$(curl -fsS -b "$jar" "$base/posts/rls-and-liver-diseases")
grep -q "$marker" <<<"$after" || fail "comment lost across a restart"
log "comment still there after a restart with the same volume"
echo "container smoke test: 1 passed, 0 failed"
