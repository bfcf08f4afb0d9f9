package io.shukei.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.db.ServiceProcess;

/**
 * The pages in Debian's chromium against the packaged service, with Keycloak as the organisation's identity
 * provider: a department head answers through an invitation link (desktop and phone width), corrects an answer;
 * a manager signs in with a key and through Keycloak, follows the round and opens the report; axe-core finds no
 * WCAG 2.1 A/AA violation on any of these pages; a Keycloak token for another client is refused by the API.
 * Screenshots go to target/screenshots. Run by {@code ./mvnw -B verify -Pbrowser} (.ci/run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static KeycloakProcess keycloak;
    private static ServiceProcess service;
    private static ChromeDriver browser;
    private static long org;
    private static long round;
    private static List<Long> departments;
    private static String link;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakProcess.start(Path.of(System.getProperty("shukei.keycloak.home")));
        Path data = Files.createTempDirectory(Path.of("target"), "browser-data");
        service = ServiceProcess.start(Map.of("SHUKEI_EMBEDDED_DB_DIR", data.toAbsolutePath().toString(),
                "SHUKEI_OIDC_ENABLED", "true", "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_ID", "shukei", "QUARKUS_OIDC_CREDENTIALS_SECRET", "shukei-secret"));
        org = id(service.send("POST", "/api/v1/units", "{\"code\":\"acme\",\"name\":\"株式会社アクメ\"}"));
        long tokyo = id(service.send("POST", "/api/v1/units",
                "{\"code\":\"tokyo\",\"name\":\"東京本社\",\"parentId\":" + org + "}"));
        departments = new ArrayList<>();
        for (String[] dept : new String[][] {{"sales", "営業部"}, {"dev", "開発部"}, {"admin", "総務部"}}) {
            departments.add(id(service.send("POST", "/api/v1/units", "{\"code\":\"" + dept[0] + "\",\"name\":\""
                    + dept[1] + "\",\"parentId\":" + tokyo + "}")));
        }
        round = id(service.send("POST", "/api/v1/rounds", "{\"title\":\"2026年度 情報セキュリティ自社診断\",\"scopeUnitId\":"
                + org + ",\"dueDate\":\"2026-12-25\"}"));
        HttpResponse<String> made = service.send("POST", "/api/v1/rounds/" + round + "/invitations", null);
        assertEquals(201, made.statusCode(), made.body());
        for (JsonNode item : JSON.readTree(made.body()).get("items")) {
            if (item.get("unitId").asLong() == departments.get(0)) {
                link = item.get("url").asText();
            }
        }
        keycloak.setAttribute("manager", "shukei_unit", String.valueOf(org));
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.terminate(Duration.ofSeconds(60));
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static long id(HttpResponse<String> created) throws IOException {
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violation. */
    private static void accessible(String what) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(n -> violations.add(rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp()
                    + " -> " + n.getTarget()));
        }
        assertEquals(List.of(), violations, what + ": axe " + results.getTestEngine().getVersion());
    }

    private static void noHorizontalScrolling(String what) {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), what + " scrolls sideways");
    }

    private static void choose(int question, String answer) {
        WebElement radio = browser.findElement(By.cssSelector("input[name=q" + question + "][value=" + answer + "]"));
        // A person taps the label; the radio inside it is then checked.
        radio.findElement(By.xpath("..")).click();
        assertTrue(radio.isSelected(), "question " + question);
    }

    @Test
    @Order(1)
    void aDepartmentHeadAnswersOnAPhoneSeesTheScoreAndCorrectsAnAnswer() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(link);
        assertEquals("ja", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.id("unit")).getText().contains("東京本社 / 営業部"));
        assertEquals(25, browser.findElements(By.cssSelector("fieldset.q")).size());
        Chromium.screenshot(browser, "answer-desktop");
        accessible("the empty answer page");

        // Sent with three questions answered: the page names the rest and keeps what was chosen.
        choose(1, "IMPLEMENTED");
        choose(2, "PARTIAL");
        choose(3, "UNKNOWN");
        browser.findElement(By.id("respondent")).sendKeys("営業部長 山田太郎");
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertTrue(browser.findElement(By.id("errors")).getText().contains("設問 4"));
        assertTrue(browser.findElement(By.cssSelector("input[name=q2][value=PARTIAL]")).isSelected());
        assertEquals("営業部長 山田太郎", browser.findElement(By.id("respondent")).getAttribute("value"));
        accessible("the answer page with a validation error");

        browser.manage().window().setSize(new Dimension(360, 800));
        assertEquals(360L, ((Number) browser.executeScript("return window.innerWidth;")).longValue());
        noHorizontalScrolling("the answer page at 360 px");
        Chromium.screenshot(browser, "answer-phone");
        for (int q = 4; q <= 25; q++) {
            choose(q, q % 5 == 0 ? "NOT_IMPLEMENTED" : "IMPLEMENTED");
        }
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("score")));
        String first = browser.findElement(By.id("score")).getText();
        assertTrue(browser.findElement(By.id("notice")).getText().contains("保存しました"));
        noHorizontalScrolling("the result at 360 px");
        Chromium.screenshot(browser, "answer-phone-result");
        accessible("the answer page after submitting");

        // A correction: question 5 is implemented after all.
        choose(5, "IMPLEMENTED");
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementValue(By.name("revision"), "2"));
        int corrected = Integer.parseInt(browser.findElement(By.id("score")).getText());
        assertTrue(corrected > Integer.parseInt(first), first + " -> " + corrected);
        HttpResponse<String> sheet = service.send("GET", "/api/v1/rounds/" + round + "/submissions/" + departments.get(0), null);
        assertEquals(2, JSON.readTree(sheet.body()).get("revision").asInt());
        assertEquals(corrected, JSON.readTree(sheet.body()).get("score").asInt());
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(2)
    void aManagerSignsInWithAKeyFollowsTheRoundAndOpensTheReport() throws IOException {
        browser.get(service.uri("/manage/sign-in").toString());
        accessible("the sign-in page");
        browser.findElement(By.id("key")).sendKeys("process-test-admin-key");
        browser.findElement(By.cssSelector("form.narrow button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/manage/rounds"));
        browser.findElement(By.cssSelector("a[href='/manage/rounds/" + round + "']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertTrue(browser.findElement(By.id("progress")).getText().startsWith("1 / 3"),
                browser.findElement(By.id("progress")).getText());
        assertEquals(2, browser.findElements(By.cssSelector(".progress .missing")).size());
        Chromium.screenshot(browser, "progress-desktop");
        accessible("the progress page");
        browser.manage().window().setSize(new Dimension(360, 800));
        noHorizontalScrolling("the progress page at 360 px");
        Chromium.screenshot(browser, "progress-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.id("report-html")).click();
        waiting().until(ExpectedConditions.urlContains("/report"));
        assertTrue(browser.getPageSource().contains("株式会社アクメ"), "the report of the organisation");
        browser.navigate().back();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        browser.findElement(By.cssSelector("header button.link")).click();
        waiting().until(ExpectedConditions.urlContains("/manage/sign-in"));
        browser.get(service.uri("/manage/rounds").toString());
        waiting().until(ExpectedConditions.urlContains("/manage/sign-in"));
    }

    @Test
    @Order(3)
    void aManagerSignsInThroughTheIdentityProvider() {
        browser.manage().deleteAllCookies();
        browser.get(service.uri("/manage/sign-in").toString());
        browser.findElement(By.cssSelector("a[href='/manage/sign-in/oidc']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertTrue(browser.getCurrentUrl().startsWith(keycloak.issuer()), browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("manager-pass");
        browser.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/manage/rounds/" + round + "']")));
        assertTrue(browser.getCurrentUrl().startsWith(service.uri("/manage/rounds").toString()), browser.getCurrentUrl());
    }

    @Test
    @Order(4)
    void theApiTakesTokensForThisServiceAndRefusesTokensForAnotherClient() throws Exception {
        String ours = keycloak.token("shukei", "shukei", "shukei-secret", "manager", "manager-pass");
        String theirs = keycloak.token("shukei", "other", "other-secret", "manager", "manager-pass");
        assertEquals(200, bearer(ours, "/api/v1/rounds/" + round).statusCode());
        HttpResponse<String> refused = bearer(theirs, "/api/v1/rounds/" + round);
        assertEquals(401, refused.statusCode(), refused.body());
    }

    private static HttpResponse<String> bearer(String token, String path) throws Exception {
        return ServiceProcess.HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
