# rls-blog as a container. Build:  docker build -t rls-blog .
# Offline build with a filled Maven repository:
#   podman build -v ~/.m2:/root/.m2 --network none -t rls-blog .
# The code is Java 17; the image runs it on JDK 25 (the current LTS) for its AOT cache, which
# starts the site sooner than JDK 17's class data sharing (see below). A JDK 17 to 24 image
# (--build-arg BUILD_IMAGE=eclipse-temurin:17-jdk --build-arg BASE_IMAGE=eclipse-temurin:17-jre)
# works the same, with a CDS archive instead.
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG BASE_IMAGE=eclipse-temurin:25-jre

# ---- build: the Maven wrapper packages the jar, then Spring Boot splits it into layers ----
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY content content
RUN ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true package \
 && cp target/rls-blog-*[0-9T].jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /layers

# ---- run: a JRE, a non-root user, the layers (least changing first), content baked in ----
FROM ${BASE_IMAGE}
RUN groupadd --system rls && useradd --system --gid rls --home-dir /app --no-create-home rls \
 && mkdir -p /app /data && chown rls:rls /data
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY content /app/content
COPY --from=build /layers/application/ ./
# Memory: the heap may grow to 75 % of the container's memory and starts at 40 % (growing a small
# heap step by step cost long full collections), with the serial collector (least overhead for a
# heap this size) and survivor spaces a third of the young generation each instead of a tenth
# (under a burst of comments the smaller ones overflowed, so short-lived objects filled the old
# generation), two malloc arenas instead of one per thread, and freed native memory handed back
# every 5 s. The figures are in docs/benchmarks.md.
ENV BLOG_CONTENT_DIR=/app/content \
    BLOG_DATA_DIR=/data \
    SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=9090 \
    MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,info,prometheus \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=40 -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -Xss512k -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/./urandom"
# Class data sharing: a training start records what start-up and answering each kind of page load
# and run (scripts/cds-training.sh asks for each once), so every later start maps the classes from
# /app/app.cds, already loaded and linked, instead of loading and verifying them again, and the
# JIT starts from the training's profiles (JDK 25's AOT cache; on JDK 17 to 24 a CDS archive of the
# classes); /app/app.cds.args holds the JVM option that uses it. Its data folder does not stay:
# each site's first start makes the site's own secrets.
COPY scripts/cds-training.sh /tmp/cds-training.sh
RUN bash /tmp/cds-training.sh /app/app.cds 8080 -Xms64m -jar /app/app.jar \
      --blog.data-dir=/tmp/cds-training --blog.content-dir=/app/content --blog.watch=false \
      --logging.level.root=WARN > /dev/null \
 && rm -rf /tmp/cds-training /tmp/cds-training.sh
VOLUME /data
EXPOSE 8080 9090
USER rls
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["java", "-Xms8m", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/app/app.jar", "org.rlsblog.server.HealthProbe"]
ENTRYPOINT ["java", "@/app/app.cds.args", "-jar", "/app/app.jar"]
