package org.supervisionhub.common.limit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who an anonymous caller is, for the per-address limits of the public endpoints (the credential scan, the 曝光台).
 */
public final class ClientAddresses {

    private ClientAddresses() {}

    /**
     * The peer address of the connection. Forwarded headers count only when the peer is one of the trusted proxies
     * configured in quarkus.http.proxy (proxy-address-forwarding, allow-x-forwarded, trusted-proxies): Quarkus then
     * rewrites this address to the forwarded client; from any other peer they are ignored.
     */
    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    /** The address a client is counted by: IPv4 as is, IPv6 by its /64 prefix (what one subscriber usually gets). */
    public static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address: parsed without any name lookup.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length == 16) {
                byte[] prefix = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
