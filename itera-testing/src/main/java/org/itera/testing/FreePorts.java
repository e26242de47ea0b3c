package org.itera.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes a test starts later (or starts again after killing them), picked below the
 * kernel's ephemeral range: a port from {@code new ServerSocket(0)} lies inside it, where any
 * outgoing connection (a Kafka client's, say) may take it before the process binds it, which made
 * {@code itera up} fail with "port ... is taken" on a busy machine.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    /** A port that is free now on every interface and outside the ephemeral range. */
    public static int pick() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below + " after 200 tries");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range; else IANA's 49152). */
    static int ephemeralStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                return Math.max(LOWEST + 1_000, start);
            }
            return 49_152;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
