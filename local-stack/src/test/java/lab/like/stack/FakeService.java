package lab.like.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A stand-in service JVM for the supervisor's tests: answers readiness on {@code MANAGEMENT_SERVER_PORT} and,
 * with {@code FAKE_LIFETIME_MS}, dies (exit code 3) that long after its start.
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("MANAGEMENT_SERVER_PORT"))), 10);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("fake service up");
        String lifetime = System.getenv("FAKE_LIFETIME_MS");
        if (lifetime != null) {
            Thread.sleep(Long.parseLong(lifetime));
            System.out.println("fake service dying");
            Runtime.getRuntime().halt(3);
        }
        Thread.currentThread().join();
    }
}
