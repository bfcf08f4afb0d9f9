package io.shukei.invitation;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An SMTP server on 127.0.0.1 (a free port) that the service sends its mail to. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return Map.of("shukei.mail.host", "127.0.0.1", "shukei.mail.port", String.valueOf(greenMail.getSmtp().getPort()),
                "shukei.mail.from", "shukei@example.test");
    }

    @Override
    public void stop() {
        greenMail.stop();
    }
}
