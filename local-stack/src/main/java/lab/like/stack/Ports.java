package lab.like.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.like.stack.StackConfig.PortSetting;

/** Checks that ports are free before anything starts, and finds free ports for tests. */
public final class Ports {

    private Ports() {}

    /** The first port of the configuration that is taken (or configured twice), with a message saying how to change it. */
    public static Optional<String> firstConflict(StackConfig config) {
        Set<Integer> seen = new HashSet<>();
        for (PortSetting setting : config.portsToOpen()) {
            int port = setting.of(config);
            if (!seen.add(port)) {
                return Optional.of(conflictMessage(setting, port, "is configured twice"));
            }
            if (!isFree(port)) {
                return Optional.of(conflictMessage(setting, port, "is already in use"));
            }
        }
        return Optional.empty();
    }

    static String conflictMessage(PortSetting setting, int port, String problem) {
        return "Port " + port + " (" + setting.label + ") " + problem
                + ": stop what uses it, or choose another port with " + setting.option
                + " <port> or the environment variable " + setting.env + ".";
    }

    /** True when nothing listens on the port on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR ignores sockets in TIME_WAIT from a previous run but still fails on a live listener.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Distinct ports that were free a moment ago. */
    public static List<Integer> free(int count) {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.add(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(ports);
    }
}
