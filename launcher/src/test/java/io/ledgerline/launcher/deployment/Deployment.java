package io.ledgerline.launcher.deployment;

import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.projections.ProjectionsApplication;
import io.ledgerline.query.QuerySideApplication;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the deployment files at the repository root (docker-compose.yml, Dockerfile, poms) and the
 * apps' own configuration, so that tests can check that they agree with each other.
 */
final class Deployment {

    /** The three apps, each a module whose directory, image and configuration file share one name. */
    enum App {
        COMMAND_SIDE(CommandSideApplication.CONFIG_NAME, CommandSideApplication.class),
        PROJECTIONS(ProjectionsApplication.CONFIG_NAME, ProjectionsApplication.class),
        QUERY_SIDE(QuerySideApplication.CONFIG_NAME, QuerySideApplication.class);

        final String module;
        final Class<?> mainClass;

        App(String module, Class<?> mainClass) {
            this.module = module;
            this.mainClass = mainClass;
        }

        /** The app's settings, flattened to dotted keys, with a profile's file laid over the base file. */
        Map<String, Object> settings(String... profiles) {
            Map<String, Object> settings = new LinkedHashMap<>(flatten(classpathYaml(module + ".yml")));
            for (String profile : profiles) {
                settings.putAll(flatten(classpathYaml(module + "-" + profile + ".yml")));
            }
            return settings;
        }

        int port() {
            return ((Number) settings().get("server.port")).intValue();
        }
    }

    static final String AXON_SERVER_PROFILE = "axonserver";

    private Deployment() {
    }

    /** The repository root: the nearest directory upwards that holds the compose file and the wrapper. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }

    static Map<String, Object> compose() {
        try (InputStream in = Files.newInputStream(root().resolve("docker-compose.yml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(compose(), "services"), name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The image a compose service runs, e.g. {@code postgres:17}. */
    static String image(String service) {
        return (String) service(service).get("image");
    }

    /** A service's environment; compose allows both a map and a list of NAME=value. */
    static Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> variables.put(name.toString(), String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] parts = entry.toString().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return variables;
    }

    /** Container ports a service publishes ("8081:8081" and "8081" both give 8081). */
    static List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (Object port : list(service(service), "ports")) {
            String spec = port.toString();
            String container = spec.substring(spec.lastIndexOf(':') + 1).replace("/tcp", "");
            ports.add(Integer.parseInt(container));
        }
        return ports;
    }

    static List<String> dockerfileInstructions() {
        try {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(root().resolve("Dockerfile"))) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString().strip());
                    current.setLength(0);
                }
            }
            return instructions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document pom(String module) {
        Path pom = module.isEmpty() ? root().resolve("pom.xml") : root().resolve(module).resolve("pom.xml");
        try (InputStream in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    /** The text of the first direct child element of {@code parent} with that name, or null. */
    static String childText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** The name Spring's relaxed binding gives an environment variable: SPRING_DATASOURCE_URL is spring.datasource.url. */
    static String propertyOf(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A property name in the form environment variables can reach: lower case, without dashes. */
    static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? null : (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Map<String, Object> classpathYaml(String resource) {
        try (InputStream in = Deployment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the classpath");
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> flatten(Map<String, Object> yaml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> yaml, Map<String, Object> flat) {
        yaml.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, flat);
            } else {
                flat.put(name, value);
            }
        });
    }
}
