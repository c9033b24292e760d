package dev.graft.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Epoch progress from executors to the orchestrator while trials train: the orchestrator listens
 * on the driver's address (Spark already requires executors to reach it); a task sends one line
 * per epoch, {@code <trial id> <epoch metrics as JSON>}. Progress only: a line that cannot be sent
 * is dropped, and nothing recorded depends on it (a trial's record carries its epochs).
 */
final class EpochChannel implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;

    /** Where executors send their lines. */
    record Address(String host, int port) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Connects, best effort.
         *
         * @return a writer for lines, or null when the orchestrator cannot be reached
         */
        Writer connect() {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 5000);
                return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * @param host the driver's address
     * @param lines receives each line's trial id and JSON, on a reader thread
     * @throws IOException if nothing can listen there
     */
    EpochChannel(String host, BiConsumer<String, String> lines) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName(host));
        this.acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread reader = new Thread(() -> read(socket, lines), "graft-spark-epochs");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "graft-spark-epoch-channel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void read(Socket socket, BiConsumer<String, String> lines) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    lines.accept(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException e) {
            // the task ended or its executor died: nothing more to read
        }
    }

    /** @return where executors send their lines */
    Address address() {
        return new Address(server.getInetAddress().getHostAddress(), server.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket
        }
    }
}
