package org.itera.devstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A MongoDB wire-protocol endpoint for development machines that have no mongod: mongo-java-server
 * with its H2 MVStore backend, so documents survive a restart.
 *
 * <p>Run it as a process ({@link #main}) or embed it ({@link #start}). Closing it stops accepting
 * connections, closes the clients and then closes the MVStore, which writes everything pending.
 */
public final class DevStore implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 27017;
    public static final String DEFAULT_DATA = ".itera/mongo/itera.mv";
    public static final String DATA_ENV = "ITERA_MONGO_DATA";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DevStore(MongoServer server, InetSocketAddress address, Path dataFile) {
        this.server = server;
        this.address = address;
        this.dataFile = dataFile;
    }

    /**
     * Opens (or creates) the MVStore file and starts listening.
     *
     * @param dataFile the MVStore file; its parent directories are created
     * @param host     address to bind, e.g. 127.0.0.1
     * @param port     TCP port; 0 picks a free one
     */
    public static DevStore start(Path dataFile, String host, int port) throws IOException {
        Path file = dataFile.toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (Exception e) {
            throw new IOException("cannot open data file " + file
                    + " (is another devstore using it?): " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (Exception e) { // Netty rethrows java.net.BindException undeclared
            // closes the backend as well, releasing the file lock
            server.shutdownNow();
            throw new IOException("cannot listen on " + host + ":" + port
                    + " (port in use?): " + e.getMessage(), e);
        }
        return new DevStore(server, server.getLocalAddress(), file);
    }

    public int port() {
        return address.getPort();
    }

    public String host() {
        return address.getHostString();
    }

    public Path dataFile() {
        return dataFile;
    }

    /** A connection string for the MongoDB drivers, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://" + host() + ":" + port();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
        }
    }

    public static void main(String[] args) {
        // Quiet mongo-java-server's per-connection INFO lines unless asked for
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");

        Options options = new Options();
        picocli.CommandLine line = new picocli.CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (picocli.CommandLine.ParameterException e) {
            System.err.println("itera-devstore: " + e.getMessage());
            line.usage(System.err);
            System.exit(2);
            return;
        }
        if (line.isUsageHelpRequested()) {
            line.usage(System.out);
            return;
        }
        String data = options.data != null ? options.data : dataFromEnvironment();
        String host = options.host;
        int port = options.port;

        DevStore store;
        try {
            store = start(Paths.get(data), host, port);
        } catch (IOException e) {
            System.err.println("itera-devstore: " + e.getMessage());
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("itera-devstore stopping: closing connections and flushing " + store.dataFile());
            store.close();
            System.out.println("itera-devstore stopped");
            System.out.flush();
            stopped.countDown();
        }, "devstore-shutdown"));

        System.out.println("itera-devstore listening on " + store.connectionString()
                + " (data: " + store.dataFile() + ", pid " + ProcessHandle.current().pid() + ")");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String dataFromEnvironment() {
        String env = System.getenv(DATA_ENV);
        return env == null || env.isBlank() ? DEFAULT_DATA : env;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The command line of {@link #main}. */
    @picocli.CommandLine.Command(name = "DevStore", mixinStandardHelpOptions = true,
            description = "A MongoDB wire-protocol endpoint backed by an H2 MVStore file.")
    static final class Options {
        @picocli.CommandLine.Option(names = "--data", paramLabel = "FILE",
                description = "MVStore file (default: $" + DATA_ENV + " or " + DEFAULT_DATA + ")")
        String data;
        @picocli.CommandLine.Option(names = "--host", defaultValue = DEFAULT_HOST, description = "address to bind (default ${DEFAULT-VALUE})")
        String host;
        @picocli.CommandLine.Option(names = "--port", defaultValue = "27017", description = "TCP port (default ${DEFAULT-VALUE})")
        int port;
    }
}
