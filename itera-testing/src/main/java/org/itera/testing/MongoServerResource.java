package org.itera.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A MongoDB-wire server (mongo-java-server) on a loopback TCP port for tests, one per JVM. The
 * services talk to it with the real MongoDB driver.
 */
public class MongoServerResource implements QuarkusTestResourceLifecycleManager {

    private static MongoServer server;
    private static String connectionString;

    public static synchronized String connectionString() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-stop"));
        }
        return connectionString;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", connectionString());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
