package jp.go.meti.aifund.notification.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dead webhook endpoint as the dispatcher meets it: it accepts the connection and never answers,
 * holding every connection open until it is closed (the attempt ends at the dispatcher's timeout);
 * or, {@link #trickling()}, it answers its status and headers at once and then never the body it
 * announced (the HTTP client's own timeout ends at the headers: only the dispatcher's deadline ends it).
 */
public final class HangingEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public HangingEndpoint() throws IOException {
        this(false);
    }

    public static HangingEndpoint trickling() throws IOException {
        return new HangingEndpoint(true);
    }

    private HangingEndpoint(boolean headersOnly) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    held.add(s);
                    if (headersOnly) {
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(
                                java.nio.charset.StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "hanging-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** The connections it has accepted (and not answered) so far. */
    public int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
