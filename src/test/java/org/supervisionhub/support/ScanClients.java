package org.supervisionhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Clients of the public scan endpoint. In the test profile 127.0.0.1 and ::1 are trusted proxies, so a test names its
 * client with X-Forwarded-For and gets a rate-limit bucket of its own; {@link #statusFrom} connects from another
 * loopback address, which is not a trusted proxy, as a client would that forges the header.
 */
public final class ScanClients {

    private ScanClients() {}

    /** A fresh client address: an IPv4 address of the benchmarking range 198.18.0.0/15 no other test uses. */
    public static String newAddress() {
        int n = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /**
     * Sends {@code GET path} to the application at {@code base} (on 127.0.0.1) over a connection from {@code localAddress} with the
     * given X-Forwarded-For, and returns the status code.
     */
    public static int statusFrom(String localAddress, URI base, String path, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no HTTP status line: " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }
    }
}
