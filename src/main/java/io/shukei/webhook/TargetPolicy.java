package io.shukei.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shukei.config.ShukeiConfig;

/**
 * Which URLs the service may send to, and the one address a delivery connects to. Without the operator's
 * permission only https to globally reachable unicast addresses, so that a subscription cannot make the service
 * probe its own network; the cloud metadata addresses never. Checked when subscribing and again before every
 * attempt, because a name can resolve elsewhere later: each attempt resolves the name once and connects to the
 * address it checked ({@link Target}), so that nothing resolves it a second time in between (DNS rebinding).
 * <p>
 * "Public" follows IANA's IPv4 and IPv6 special-purpose address registries: every block they list is refused,
 * except the IPv6 forms that only carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4
 * 2002::/16), which are judged by the IPv4 address inside. IPv6 outside the global unicast block 2000::/3 is
 * refused, and so is Teredo, whose client address is hidden.
 */
@ApplicationScoped
class TargetPolicy {

    /** The instance metadata services of cloud platforms (IPv4 link-local, and AWS' IPv6 one). */
    private static final String[] METADATA = {"169.254.169.254", "fd00:ec2:0:0:0:0:0:254"};

    /** IPv4 blocks of the special-purpose registry that are not global unicast: address, prefix length. */
    private static final int[][] SPECIAL_IPV4 = {
            {0x00000000, 8}, {0x0A000000, 8}, {0x64400000, 10}, {0x7F000000, 8}, {0xA9FE0000, 16}, {0xAC100000, 12},
            {0xC0000000, 24}, {0xC0000200, 24}, {0xC0586300, 24}, {0xC0A80000, 16}, {0xC6120000, 15}, {0xC6336400, 24},
            {0xCB007100, 24}, {0xE0000000, 4}, {0xF0000000, 4}};

    /** Name resolution, the system's by default. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL allowed now, and the address its host resolved to, which the delivery connects to. */
    record Target(URI uri, InetAddress address) {
    }

    /** A URL that may not be used; the message says why, as the end of "url ...". */
    static final class Refused extends Exception {

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    TargetPolicy(ShukeiConfig config) {
        this(config.webhooks().allowPrivateTargets());
    }

    TargetPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    TargetPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL is refused, or null when it may be used. */
    String refusal(String url) {
        try {
            target(url);
            return null;
        } catch (Refused e) {
            return e.getMessage();
        }
    }

    /** Resolves the URL's host once and checks every address it has; the target is the first. */
    Target target(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("must name a host, without user info or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host " + uri.getHost() + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isMetadata(address)) {
                throw new Refused("points to a cloud metadata address, which is never allowed");
            }
            if (!allowPrivate && !isPublic(address)) {
                throw new Refused("points to a private, loopback, link-local or otherwise special address ("
                        + address.getHostAddress() + "); an operator can allow such targets with "
                        + "SHUKEI_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true");
            }
        }
        return new Target(uri, addresses[0]);
    }

    private static boolean isMetadata(InetAddress address) {
        InetAddress v4 = embeddedIpv4(address);
        String text = (v4 != null ? v4 : address).getHostAddress();
        return Arrays.asList(METADATA).contains(text.replaceAll("%.*$", ""));
    }

    /** Whether the address is global unicast by the special-purpose registries. */
    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            int a = java.nio.ByteBuffer.wrap(address.getAddress()).getInt();
            for (int[] block : SPECIAL_IPV4) {
                int mask = -1 << (32 - block[1]);
                if ((a & mask) == block[0]) {
                    return false;
                }
            }
            return true;
        }
        InetAddress v4 = embeddedIpv4(address);
        if (v4 != null) {
            return isPublic(v4);
        }
        byte[] b = address.getAddress();
        int first16 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        int second16 = (b[2] & 0xff) << 8 | b[3] & 0xff;
        boolean globalUnicast = (b[0] & 0xe0) == 0x20;
        return globalUnicast
                && !(first16 == 0x2001 && second16 < 0x0200)   // 2001::/23 protocol assignments, Teredo among them
                && !(first16 == 0x2001 && second16 == 0x0db8)  // 2001:db8::/32 documentation
                && !(first16 == 0x3fff && (second16 & 0xf000) == 0); // 3fff::/20 documentation
    }

    /**
     * The IPv4 address an IPv6 address only carries (IPv4-mapped, NAT64's well-known prefix, 6to4), or null. An
     * IPv4-compatible address (::a.b.c.d, deprecated) is returned too, so that ::127.0.0.1 is judged as loopback.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        int from = -1;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            from = 12;
        } else if (allZero(b, 0, 12) && !allZero(b, 12, 14)) {
            from = 12;
        } else if (b[0] == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        }
        if (from < 0) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
