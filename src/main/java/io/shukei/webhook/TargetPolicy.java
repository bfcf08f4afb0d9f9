package io.shukei.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shukei.config.ShukeiConfig;


/**
 * Which URLs the service may send to. Without the operator's permission only https to public
 * addresses, so that a subscription cannot make the service probe its own network; the cloud
 * metadata address never. Checked when subscribing and again before every attempt, because a
 * host name can resolve elsewhere later (DNS rebinding).
 */
@ApplicationScoped
class TargetPolicy {

    private static final String METADATA = "169.254.169.254";

    private final boolean allowPrivate;

    @Inject
    TargetPolicy(ShukeiConfig config) {
        this(config.webhooks().allowPrivateTargets());
    }

    TargetPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is refused, or null when it may be used. */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return "must be an https URL";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "must name a host, without user info or fragment";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "host " + uri.getHost() + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (address.getHostAddress().equals(METADATA)) {
                return "points to the cloud metadata address, which is never allowed";
            }
            if (!allowPrivate && isPrivate(address)) {
                return "points to a private, loopback or link-local address (" + address.getHostAddress()
                        + "); an operator can allow such targets with SHUKEI_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true";
            }
        }
        return null;
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || uniqueLocal || sharedAddressSpace;
    }
}
