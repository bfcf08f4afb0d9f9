package io.shukei.report;

import static io.shukei.Api.json;

import java.util.Map;

import io.shukei.Api;

/** A company of two sites with a 総務部 and an 営業部 each, as the responsible manager's report meets it. */
record Company(long org, long tokyo, long osaka, long tokyoGeneral, long tokyoSales, long osakaGeneral, long osakaSales) {

    static final String TOKYO = "東京本社";
    static final String OSAKA = "大阪支社";

    static Company create() {
        long org = Api.unit(Api.unique("株式会社サンプル"), null, null);
        long tokyo = Api.unit(TOKYO, org, null);
        long osaka = Api.unit(OSAKA, org, null);
        return new Company(org, tokyo, osaka, Api.unit("総務部", tokyo, 10), Api.unit("営業部", tokyo, 20),
                Api.unit("総務部", osaka, 5), Api.unit("営業部", osaka, 8));
    }

    long round() {
        return Api.round(org);
    }

    /** A round with the previous one's participants and policy. */
    long nextRound(long previous) {
        return json().body(Map.of("title", "2027年度 自社診断", "scopeUnitId", org, "copyFromRoundId", previous))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void close(long round) {
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
    }
}
