package io.shukei.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(false);
    private final TargetPolicy lenient = new TargetPolicy(true);

    @Test
    void byDefaultOnlyHttpsToPublicAddresses() {
        for (String url : new String[] {"http://93.184.215.14/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.1.1/",
                "https://100.64.0.1/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://0.0.0.0/",
                "https://224.0.0.1/", "https://[::ffff:127.0.0.1]/", "https://user:pw@93.184.215.14/", "not a url"}) {
            assertNotNull(strict.refusal(url), url);
        }
        assertNull(strict.refusal("https://93.184.215.14/hook"));
    }

    /** The IANA special-purpose registries, and IPv6 forms that carry a private IPv4 address inside. */
    @Test
    void everySpecialPurposeRangeIsRefusedByDefault() {
        List<String> accepted = new ArrayList<>();
        for (String host : new String[] {"0.1.2.3", "100.127.255.254", "127.8.8.8", "192.0.0.8", "192.0.0.170", "192.0.2.1",
                "192.88.99.1", "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.9", "239.1.1.1", "240.0.0.1",
                "254.255.255.255", "255.255.255.255",
                "[::]", "[::127.0.0.1]", "[::10.0.0.1]", "[::ffff:10.0.0.1]", "[::ffff:0:10.0.0.1]", "[64:ff9b::7f00:1]",
                "[64:ff9b::10.1.2.3]", "[64:ff9b:1::1]", "[100::1]", "[2001::1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
                "[2001:2::1]", "[2001:db8::1]", "[2002:7f00:1::1]", "[2002:a00:1::1]", "[2002:c0a8:101::1]", "[3fff::1]",
                "[5f00::1]", "[fc00::1]", "[fec0::1]", "[ff02::1]", "[fe80::1%1]"}) {
            String url = "https://" + host + "/hook";
            if (strict.refusal(url) == null) {
                accepted.add(url);
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void publicAddressesInEveryFormAreAccepted() {
        for (String host : new String[] {"93.184.215.14", "1.1.1.1", "[2606:4700:4700::1111]", "[64:ff9b::5db8:d70e]",
                "[2002:5db8:d70e::1]", "[::ffff:93.184.215.14]"}) {
            assertNull(strict.refusal("https://" + host + "/hook"), host);
        }
    }

    @Test
    void theOperatorMayAllowPrivateTargetsButNeverTheMetadataAddress() {
        assertNull(lenient.refusal("http://127.0.0.1:8080/hook"));
        assertNull(lenient.refusal("https://10.1.2.3/hook"));
        assertNotNull(lenient.refusal("http://169.254.169.254/latest/meta-data"));
        assertNotNull(lenient.refusal("http://[::ffff:169.254.169.254]/latest/meta-data"));
        assertNotNull(lenient.refusal("http://[fd00:ec2::254]/latest/meta-data"));
        assertNotNull(lenient.refusal("ftp://127.0.0.1/"));
    }

    @Test
    void aNameIsResolvedOnceAndTheTargetIsTheAddressThatWasChecked() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // A rebinding name: public the first time it is asked, loopback afterwards.
        TargetPolicy policy = new TargetPolicy(false, host -> lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getByName("93.184.215.14")}
                : new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        TargetPolicy.Target target = policy.target("https://hook.example/path?q=1");
        assertEquals(1, lookups.get());
        assertEquals(InetAddress.getByName("93.184.215.14"), target.address());
        assertEquals("hook.example", target.uri().getHost());
    }

    @Test
    void aNameWithAnyRefusedAddressIsRefused() throws Exception {
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {InetAddress.getByName("93.184.215.14"),
                InetAddress.getByName("10.0.0.1")});
        assertNotNull(policy.refusal("https://mixed.example/"));
        TargetPolicy unresolvable = new TargetPolicy(false, host -> {
            throw new UnknownHostException(host);
        });
        assertNotNull(unresolvable.refusal("https://nowhere.example/"));
    }
}
