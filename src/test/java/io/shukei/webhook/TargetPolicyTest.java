package io.shukei.webhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void theOperatorMayAllowPrivateTargetsButNeverTheMetadataAddress() {
        assertNull(lenient.refusal("http://127.0.0.1:8080/hook"));
        assertNull(lenient.refusal("https://10.1.2.3/hook"));
        assertNotNull(lenient.refusal("http://169.254.169.254/latest/meta-data"));
        assertNotNull(lenient.refusal("ftp://127.0.0.1/"));
    }
}
