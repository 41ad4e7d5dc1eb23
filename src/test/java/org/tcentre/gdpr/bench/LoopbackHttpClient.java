package org.tcentre.gdpr.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to the service on loopback that sends the same prepared request again and
 * again and reads each answer to its end: the load generator of {@link ServiceLoadBenchmark}.
 *
 * <p>Why not {@code java.net.http}: the benchmark client shares the two cores with the service it measures, and
 * {@code HttpClient} (a selector thread, futures, header maps and body subscribers per request) spends a
 * noticeable part of a millisecond of CPU on every request, taken from the server. This client writes bytes built
 * once and parses only the status line, {@code Content-Length} or chunked framing and {@code Connection: close}.
 * It reconnects when the server closes the connection (Tomcat does after {@code maxKeepAliveRequests}).
 */
final class LoopbackHttpClient implements ServiceLoadBenchmark.Connection, AutoCloseable {

    private final InetSocketAddress server;
    private final byte[] request;
    private final byte[] line = new byte[8192];
    private final byte[] discard = new byte[16384];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttpClient(int port, String path, String token, String contentType, byte[] body) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
    }

    /** Sends the request and reads the whole answer; returns its status code. */
    @Override
    public int send() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 32768);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readResponse() throws IOException {
        String status = readLine();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                readLine();
            }
            for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                // trailers: none expected, read past them
            }
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        return code;
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        if (size == null) {
            throw new IOException("the connection closed inside a chunked answer");
        }
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) {
                throw new IOException("the connection closed " + left + " bytes before the end of the answer");
            }
            left -= n;
        }
    }

    /** A CRLF-terminated line without its CRLF; null at the end of the stream. */
    private String readLine() throws IOException {
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return length == 0 ? null : new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == line.length) {
                throw new IOException("a header line longer than " + line.length + " bytes");
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket that already failed: nothing left to release
            }
            socket = null;
        }
    }
}
