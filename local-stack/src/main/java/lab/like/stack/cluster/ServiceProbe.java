package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.like.stack.ServiceProcess;

/**
 * Reads the services' JVM figures from their management ports ({@code /actuator/prometheus}: heap used, live
 * threads, metrics-service's aggregation lag) and forces a full GC with {@code jcmd <pid> GC.run} before a
 * heap-after-GC reading.
 */
final class ServiceProbe {

    private final List<ServiceProcess> services;

    ServiceProbe(List<ServiceProcess> services) {
        this.services = services;
    }

    List<String> names() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    Map<String, Double> heapMb() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            double bytes = Prometheus.scrape(s.managementUri()).sum("jvm_memory_used_bytes", "area=\"heap\"");
            out.put(s.name(), bytes / 1024 / 1024);
        }
        return out;
    }

    Map<String, Double> threads() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            out.put(s.name(), Prometheus.scrape(s.managementUri()).sum("jvm_threads_live_threads", ""));
        }
        return out;
    }

    double aggregationLagSeconds() {
        for (ServiceProcess s : services) {
            if (s.name().startsWith("metrics-service")) {
                return Prometheus.scrape(s.managementUri()).max("likelab_metrics_aggregation_lag_seconds_max");
            }
        }
        return Double.NaN;
    }

    /** A full GC in every service (jcmd GC.run, which waits for it), then the heap each one still uses. */
    Map<String, Double> heapAfterGcMb() throws InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (ServiceProcess s : services) {
            try {
                Process gc = new ProcessBuilder(jcmd, Long.toString(s.pid()), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!gc.waitFor(60, TimeUnit.SECONDS)) gc.destroyForcibly();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
            }
        }
        return heapMb();
    }
}
