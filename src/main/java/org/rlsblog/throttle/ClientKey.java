package org.rlsblog.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key a client is counted by in a rate limit: an IPv4 address as it is, an IPv6 address by its
 * /64. One subscriber, home or server is usually given a whole /64, so counting single IPv6
 * addresses would give it some 2^64 fresh counts. An IPv4 address written as IPv6 ({@code
 * ::ffff:192.0.2.1}) is the IPv4 address.
 */
public final class ClientKey {

    /** The bytes of an IPv6 address that name its /64. */
    private static final int PREFIX_BYTES = 8;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientKey() {}

    /** The key of the client at {@code address}, a literal address as the servlet container gives it. */
    public static String of(String address) {
        String literal = address.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // only literals are parsed: InetAddress would look any other text up as a host name
        boolean v6 = literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!v6 && !IPV4.matcher(literal).matches()) {
            return literal;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, PREFIX_BYTES) + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException malformed) {
            return literal;
        }
    }
}
