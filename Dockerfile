# One image per app, all from this file:
#   docker build --build-arg APP=command-side -t ledgerline/command-side .
# APP is the module to package: command-side, projections or query-side. docker-compose.yml builds all three.
ARG APP=command-side

# ---- build: the Maven wrapper on a full JDK --------------------------------------------------------
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /workspace

# Poms and the wrapper first: the dependency layer below is rebuilt only when one of them changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY domain/pom.xml domain/
COPY postgres-support/pom.xml postgres-support/
COPY infrastructure/pom.xml infrastructure/
COPY test-support/pom.xml test-support/
COPY command-side/pom.xml command-side/
COPY projections/pom.xml projections/
COPY query-side/pom.xml query-side/
COPY mcp-server/pom.xml mcp-server/
COPY launcher/pom.xml launcher/
COPY contract-test/pom.xml contract-test/
COPY bench/pom.xml bench/
COPY bench/stock-axon/pom.xml bench/stock-axon/
# The reactor's own modules are in no repository yet, so they are left out. go-offline fetches almost
# everything; the few artifacts it misses (versions picked by conflict resolution) come in the next step.
RUN ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=io.ledgerline

COPY domain/src/ domain/src/
COPY postgres-support/src/ postgres-support/src/
COPY infrastructure/src/ infrastructure/src/
COPY test-support/src/ test-support/src/
COPY command-side/src/ command-side/src/
COPY projections/src/ projections/src/
COPY query-side/src/ query-side/src/

ARG APP
# Tests run in CI (./mvnw verify), not in an image build; -am builds the modules the app needs.
RUN ./mvnw -B -q package -Dmaven.test.skip=true -pl "${APP}" -am \
    && cp "${APP}/target/ledgerline-${APP}-"*"-exec.jar" /workspace/app.jar

# ---- runtime: a JRE, the app's executable jar, no build tools, not root ----------------------------
FROM eclipse-temurin:17-jre-noble AS runtime
# A numeric, non-zero uid, so that Kubernetes' runAsNonRoot can check it.
RUN groupadd --system --gid 10001 ledgerline \
    && useradd --system --uid 10001 --gid ledgerline --no-create-home --home-dir /app ledgerline \
    && mkdir -p /var/lib/ledgerline && chown 10001:10001 /var/lib/ledgerline
WORKDIR /app
COPY --from=build /workspace/app.jar /app/app.jar
USER 10001:10001
# The JVM reads this variable itself, so the entrypoint needs no shell and java gets SIGTERM directly
# (graceful shutdown). Heap as a share of the container's memory limit; die on OOM and let the
# orchestrator restart the container rather than limp on. Override the variable to tune.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Local security mode keeps its signing key here (writable by the app user; compose mounts a shared volume).
ENV LEDGERLINE_SECURITY_LOCAL_KEYFILE=/var/lib/ledgerline/local-signing-key
# The apps' health probes (docker-compose.yml) use curl, which the Temurin Ubuntu images include.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

# ---- one final stage per app: only the port differs (server.port in the app's yml) -----------------
FROM runtime AS command-side
EXPOSE 8081

FROM runtime AS projections
EXPOSE 8082

FROM runtime AS query-side
EXPOSE 8083

# The image is the stage named by APP (BuildKit, Compose's builder, skips the other app stages).
FROM ${APP}
