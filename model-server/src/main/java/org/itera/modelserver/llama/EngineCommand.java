package org.itera.modelserver.llama;

import org.itera.modelserver.config.ModelServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a {@code llama-server} for one GGUF file: the configured threads, context,
 * slots and flash attention, loopback only, no web UI and no host-memory prompt cache (the
 * slots' own KV cache serves prompt caching).
 */
record EngineCommand(String binary, Path model, int threads, int ctx, int parallel, String flashAttention,
                     Optional<Long> spinCount) {

    /**
     * llama.cpp's router starts its model servers with this variable set; such a server reads its
     * standard input and exits at its end, so an engine never outlives this JVM, even one that is
     * killed. The value is not used otherwise.
     */
    static final String PARENT_WATCH = "LLAMA_SERVER_ROUTER_PORT";

    static EngineCommand of(ModelServerConfig config, Path model) {
        return new EngineCommand(config.engine().server(), model, config.threads(), config.ctx(), config.parallel(),
                config.engine().flashAttention(), config.engine().spinCount());
    }

    ProcessBuilder builder(int port) {
        List<String> args = new ArrayList<>(List.of(binary, "--model", model.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--threads", String.valueOf(threads), "--threads-batch", String.valueOf(threads),
                "--ctx-size", String.valueOf(ctx), "--parallel", String.valueOf(parallel),
                "--flash-attn", flashAttention, "--no-context-shift", "--jinja", "--no-webui",
                "--cache-ram", "0", "--no-slots"));
        ProcessBuilder builder = new ProcessBuilder(args);
        builder.environment().put(PARENT_WATCH, "0");
        spinCount.ifPresent(count -> builder.environment().put("GOMP_SPINCOUNT", String.valueOf(count)));
        return builder;
    }

    /** A loopback port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
