package org.itera.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The local Mongo-compatible store: itera-devstore (mongo-java-server, H2 file) as its own JVM. */
final class DevStoreLauncher {

    static final String MAIN_CLASS = "org.itera.devstore.DevStore";

    private DevStoreLauncher() {
    }

    static List<String> command(StackConfig config) throws StackException, IOException {
        Path target = config.repo().resolve("itera-devstore/target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("itera-devstore-.*(?<!-sources|-tests)\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no jar"));
        } catch (IOException e) {
            throw new StackException("mongo: no itera-devstore jar in " + target + "; build it with mvn -B package -DskipTests (./itera does when sources changed)");
        }
        Path data = Path.of(config.env().getOrDefault("ITERA_MONGO_DATA",
                config.home().resolve("mongo/itera.mv").toString())).toAbsolutePath();
        return List.of(config.java(), config.env().getOrDefault("MONGO_HEAP_OPTS", "-Xmx384m"), "-XX:+UseSerialGC",
                "-cp", jar + ":" + target.resolve("lib") + "/*", MAIN_CLASS,
                "--data", data.toString(), "--host", StackConfig.HOST, "--port", Integer.toString(config.port(Component.MONGO)));
    }
}
