package io.shukei.invitation;

import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
@WithTestResource(GreenMailResource.class)
class InvitationMailTest {

    @Inject
    InvitationService service;

    @BeforeEach
    void emptyMailbox() throws Exception {
        GreenMailResource.greenMail.purgeEmailFromAllMailboxes();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(GreenMailResource.greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String linkIn(MimeMessage mail) throws Exception {
        String text = (String) mail.getContent();
        return Arrays.stream(text.split("\\R")).filter(l -> l.contains("/i/")).findFirst().orElseThrow().strip();
    }

    @Test
    void anInvitationWithAnAddressIsMailedWithItsLinkAndRecordedAsSent() throws Exception {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String url = json().body(Map.of("participants", List.of(Map.of("unitId", ew.e1(), "email", "e1@example.test"),
                        Map.of("unitId", ew.e2()))))
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201)
                .extract().jsonPath().getString("items.find { it.unitId == " + ew.e1() + " }.url");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("e1@example.test").size() == 1);
        MimeMessage mail = mailTo("e1@example.test").get(0);
        assertEquals("shukei@example.test", mail.getFrom()[0].toString());
        assertTrue(mail.getSubject().startsWith("【回答のお願い】"), mail.getSubject());
        assertEquals(url, linkIn(mail));
        assertTrue(((String) mail.getContent()).contains("E1"), "names the unit");
        await().atMost(Duration.ofSeconds(20)).until(() -> json().get("/api/v1/rounds/" + round + "/invitations")
                .then().extract().jsonPath().getString("items.find { it.unitId == " + ew.e1() + " }.mailedAt") != null);
        assertEquals(1, GreenMailResource.greenMail.getReceivedMessages().length, "no address, no mail");
    }

    @Test
    void unitsThatHaveNotAnsweredAreRemindedOnceTheReminderDayComesWithANewLink() throws Exception {
        Api.EastWest ew = Api.eastWest();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long round = json().body(Map.of("title", "期限つき", "scopeUnitId", ew.org(), "dueDate", today.plusDays(5).toString()))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        json().body(Map.of("participants", List.of(Map.of("unitId", ew.e1(), "email", "late@example.test"),
                        Map.of("unitId", ew.e2(), "email", "done@example.test"))))
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.greenMail.getReceivedMessages().length == 2);
        String first = linkIn(mailTo("late@example.test").get(0));
        Api.submit(round, ew.e2(), "I".repeat(25)).statusCode(201);

        // Five days before the due date is within the 7-day reminder the invitation itself stood for: no reminder.
        service.remind();
        // The due date moves to tomorrow: the 1-day reminder has come, for the unit that has not answered only.
        json().contentType("application/merge-patch+json").body(Map.of("dueDate", today.plusDays(1).toString()))
                .patch("/api/v1/rounds/" + round).then().statusCode(200);
        service.remind();
        service.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("late@example.test").size() == 2);
        MimeMessage reminder = mailTo("late@example.test").get(1);
        assertTrue(reminder.getSubject().startsWith("【回答のお願い・再送】"), reminder.getSubject());
        assertNotEquals(first, linkIn(reminder), "a reminder carries a new link");
        assertEquals(1, mailTo("done@example.test").size());
        assertEquals(3, GreenMailResource.greenMail.getReceivedMessages().length);
        json().queryParam("unitId", ew.e1()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("invitation.reminded"));
    }
}
