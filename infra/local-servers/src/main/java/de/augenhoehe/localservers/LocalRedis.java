package de.augenhoehe.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * A real redis-server on 127.0.0.1 (the binary bundled by embedded-redis, started as a child process), without
 * persistence: nothing is written to the working directory. Used by the gateway's shared rate-limit store tests; a
 * stopped server can be started again on the same port ({@link #restart()}) to test recovery.
 */
public final class LocalRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    public LocalRedis() {
        this(FreePorts.next());
    }

    public LocalRedis(int port) {
        this.port = port;
    }

    public synchronized LocalRedis start() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("protected-mode yes")
                    .onShutdownForceStop(true).build();
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts the server again on the same port, empty. */
    public synchronized LocalRedis restart() {
        stop();
        return start();
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, for {@code spring.data.redis.url}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
