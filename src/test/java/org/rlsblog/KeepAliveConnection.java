package org.rlsblog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 connection kept open between requests, as a browser or a proxy keeps it, written
 * byte for byte so that a test sees what the server does with the connection itself: whether it
 * answers on it, says {@code Connection: close}, or closes it.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** An answer read whole from the connection: status, headers (names in lower case), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final int port;

    public KeepAliveConnection(int port) throws IOException {
        this.port = port;
        this.socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Sends a GET on this connection and reads its answer; empty when the server closed the
     * connection instead of answering (end of stream or a reset).
     */
    public Optional<Answer> get(String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n\r\n";
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = readLine();
            if (statusLine == null) {
                return Optional.empty();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                    ? readChunks()
                    : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return Optional.of(new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers, body));
        } catch (SocketException reset) {
            return Optional.empty();
        }
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            readLine();
        }
        for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
            // trailers are not used here
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new IOException("the connection ended inside a chunked body");
        }
        int extension = line.indexOf(';');
        return Integer.parseInt(
                extension < 0 ? line.strip() : line.substring(0, extension).strip(), 16);
    }

    /** A line without its CRLF; null at the end of the stream before any byte of it. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
