package lab.like.stack.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import lab.like.stack.ServiceProcess;

/**
 * A TCP load balancer on loopback in front of the metrics-service instances, as a Kubernetes Service is: each
 * new connection goes, round robin, to an instance whose readiness probe answered 200 at the last check (every
 * 500 ms). A connection to an instance that dies is closed, and its client reconnects to a survivor.
 */
final class Balancer implements AutoCloseable {

    private final ServerSocket server;
    private final List<ServiceProcess> backends = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> ready = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "balancer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private Balancer(ServerSocket server) {
        this.server = server;
    }

    static Balancer start(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        Balancer balancer = new Balancer(server);
        balancer.threads.execute(balancer::accept);
        balancer.threads.execute(balancer::probe);
        return balancer;
    }

    int port() {
        return server.getLocalPort();
    }

    void addBackend(ServiceProcess backend) {
        backends.add(backend);
    }

    private void probe() {
        while (!closed) {
            for (ServiceProcess backend : backends) {
                boolean up;
                try {
                    up = backend.isAlive() && backend.isReady();
                } catch (RuntimeException | InterruptedException e) {
                    up = false;
                }
                if (up && !ready.contains(backend)) ready.add(backend);
                if (!up) ready.remove(backend);
            }
            sleep(500);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                threads.execute(() -> connect(client));
            } catch (IOException e) {
                if (!closed) sleep(100);
            }
        }
    }

    private void connect(Socket client) {
        List<ServiceProcess> candidates = List.copyOf(ready);
        if (candidates.isEmpty()) {
            closeQuietly(client);
            return;
        }
        ServiceProcess backend = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
        try {
            Socket upstream = new Socket();
            upstream.connect(
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), backend.spec().port()),
                    2_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            // one side went away: both are closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // stopping
        }
        threads.shutdownNow();
    }
}
