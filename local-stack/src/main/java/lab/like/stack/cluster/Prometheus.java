package lab.like.stack.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One scrape of a service's {@code /actuator/prometheus} on its management port, and sums over its lines. */
final class Prometheus {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String text;

    private Prometheus(String text) {
        this.text = text;
    }

    static Prometheus scrape(URI management) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(management.resolve("/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Prometheus(response.statusCode() == 200 ? response.body() : "");
        } catch (IOException e) {
            return new Prometheus("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Prometheus("");
        }
    }

    boolean empty() {
        return text.isEmpty();
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labelPart} (NaN when there are none). */
    double sum(String name, String labelPart) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(name)
                    && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                    && line.contains(labelPart)) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                double v = Double.parseDouble(value);
                if (!Double.isNaN(v)) {
                    sum += v;
                    found = true;
                }
            }
        }
        return found ? sum : Double.NaN;
    }

    /** The largest sample of {@code name} (NaN when there is none). */
    double max(String name) {
        double max = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) max = v;
            }
        }
        return max;
    }
}
