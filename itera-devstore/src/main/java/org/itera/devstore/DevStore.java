package org.itera.devstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.PrintStream;
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

        String env = System.getenv(DATA_ENV);
        String data = env == null || env.isBlank() ? DEFAULT_DATA : env;
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data":
                        data = value(args, ++i);
                        break;
                    case "--host":
                        host = value(args, ++i);
                        break;
                    case "--port":
                        port = Integer.parseInt(value(args, ++i));
                        break;
                    case "-h":
                    case "--help":
                        usage(System.out);
                        return;
                    default:
                        throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("itera-devstore: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }

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

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: DevStore [--data FILE] [--host HOST] [--port PORT]");
        out.println("  --data  MVStore file (default: $" + DATA_ENV + " or " + DEFAULT_DATA + ")");
        out.println("  --host  address to bind (default " + DEFAULT_HOST + ")");
        out.println("  --port  TCP port (default " + DEFAULT_PORT + ")");
    }
}
