package io.ledgerline.launcher.deployment;

import io.ledgerline.launcher.deployment.Deployment.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ledgerline.launcher.deployment.Deployment.child;
import static io.ledgerline.launcher.deployment.Deployment.childText;
import static io.ledgerline.launcher.deployment.Deployment.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile cannot be built here (no Docker engine), so this checks what it relies on: the
 * modules it builds, the jar it copies, the ports it exposes and the user it runs as.
 */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final List<String> instructions = Deployment.dockerfileInstructions();

    @Test
    void theAppArgumentDefaultsToAnAppModule() {
        List<String> global = instructions.subList(0, indexOf(instructions, "FROM "));
        String arg = global.stream().filter(line -> line.startsWith("ARG APP=")).findFirst()
                .orElseThrow(() -> new AssertionError("no global ARG APP=<default> before the first FROM"));
        String defaultApp = arg.substring("ARG APP=".length());
        assertThat(List.of(App.values())).extracting(app -> app.module).contains(defaultApp);
    }

    @Test
    void buildsEveryModuleThatComposeAsksFor() {
        Map<String, Object> services = map(Deployment.compose(), "services");
        List<String> modules = modules();
        List<String> asked = new ArrayList<>();
        services.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = map((Map<String, Object>) service, "build");
            if (build != null) {
                asked.add((String) map(build, "args").get("APP"));
            }
        });

        assertThat(asked).hasSize(App.values().length);
        for (String app : asked) {
            assertThat(Deployment.root().resolve(app).resolve("pom.xml")).as(app).exists();
            assertThat(modules).contains(app);
            assertThat(stage(app)).as("a stage named " + app).isNotEmpty();
        }
        List<String> froms = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(froms.get(froms.size() - 1)).as("the image is the stage named by APP").isEqualTo("FROM ${APP}");
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppStageExposesThePortTheAppListensOn(App app) {
        List<String> stage = stage(app.module);
        assertThat(stage.get(0)).isEqualTo("FROM runtime AS " + app.module);
        assertThat(stage).contains("EXPOSE " + app.port());
        assertThat(stage).noneMatch(line -> line.startsWith("USER "));
    }

    @Test
    void copiesEveryModulePomBeforeResolvingDependencies() throws IOException {
        List<String> build = stage("build");
        int goOffline = indexOf(build, "RUN ./mvnw -B -q dependency:go-offline");
        for (String module : modules()) {
            assertThat(build.indexOf("COPY " + module + "/pom.xml " + module + "/")).as(module + "/pom.xml")
                    .isBetween(0, goOffline);
        }
        assertThat(build.indexOf("COPY mvnw ./")).isBetween(0, goOffline);
        assertThat(build.indexOf("COPY .mvn/ .mvn/")).isBetween(0, goOffline);

        List<String> ignored = Files.readAllLines(Deployment.root().resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String line : build) {
            if (line.startsWith("COPY ") && !line.startsWith("COPY --from")) {
                String source = line.split("\\s+")[1];
                assertThat(Deployment.root().resolve(source)).as(source).exists();
                assertThat(ignored).as(source + " must reach the build context")
                        .noneMatch(pattern -> ignores(pattern, source));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void copiesTheExecutableJarThatTheAppsPomBuilds(App app) throws Exception {
        String packaging = stage("build").stream().filter(line -> line.contains(" package ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RUN that packages the app"));
        assertThat(packaging).containsPattern("-pl\\s+\"?\\$\\{APP}\"?").contains(" -am");
        Matcher jar = Pattern.compile("cp\\s+(\\S+)\\s").matcher(packaging);
        assertThat(jar.find()).as("cp <jar> in " + packaging).isTrue();
        String glob = jar.group(1).replace("\"", "").replace("${APP}", app.module);

        Document pom = Deployment.pom(app.module);
        Element project = pom.getDocumentElement();
        String artifactId = childText(project, "artifactId");
        String version = childText(child(project, "parent"), "version");
        Element plugin = springBootPlugin(pom).orElseThrow(() -> new AssertionError("no spring-boot-maven-plugin"));
        Element configuration = child(plugin, "configuration");
        String classifier = childText(configuration, "classifier");

        assertThat(artifactId).isEqualTo("ledgerline-" + app.module);
        assertThat(classifier).as("the plain jar stays the main artifact for the launcher").isNotBlank();
        assertThat(plugin.getElementsByTagName("goal").item(0).getTextContent().strip()).isEqualTo("repackage");
        assertThat(app.module + "/target/" + artifactId + "-" + version + "-" + classifier + ".jar")
                .matches(globToRegex(glob));

        String mainClass = childText(configuration, "mainClass");
        assertThat(mainClass).isEqualTo(app.mainClass.getName());
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }

    @Test
    void runsOnAJreAsANonRootUser() {
        assertThat(stage("build").get(0)).startsWith("FROM eclipse-temurin:17-jdk");
        List<String> runtime = stage("runtime");
        assertThat(runtime.get(0)).startsWith("FROM eclipse-temurin:17-jre");
        String user = runtime.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the runtime stage sets no USER, so it runs as root"))
                .substring("USER ".length()).split(":")[0];
        assertThat(user).isNotEqualTo("root").isNotEqualTo("0");
        assertThat(user).as("numeric, so that Kubernetes' runAsNonRoot can check it").matches("[1-9]\\d*");
        assertThat(runtime).anyMatch(line -> line.startsWith("ENV JAVA_TOOL_OPTIONS=") && line.contains("MaxRAMPercentage"));
        assertThat(runtime).anyMatch(line -> line.startsWith("ENTRYPOINT [\"java\""));
    }

    /** The instructions of the stage with this name, its FROM first. */
    private List<String> stage(String name) {
        List<String> stage = new ArrayList<>();
        boolean inside = false;
        for (String line : instructions) {
            Matcher from = FROM.matcher(line);
            if (from.matches()) {
                inside = name.equals(from.group(2));
            }
            if (inside) {
                stage.add(line);
            }
        }
        return stage;
    }

    private static List<String> modules() {
        NodeList modules = Deployment.pom("").getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().strip());
        }
        return names;
    }

    private static Optional<Element> springBootPlugin(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("spring-boot-maven-plugin".equals(childText(plugin, "artifactId"))) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    /** Whether a .dockerignore pattern excludes the path or a directory above it. */
    private static boolean ignores(String pattern, String source) {
        String regex = globToRegex(pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern);
        String path = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        for (Path p = Path.of(path); p != null; p = p.getParent()) {
            if (p.toString().matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(.*/)?");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
