package io.shukei.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.shukei.tally.Band;

class BandViewTest {

    @Test
    void preEncodedBandsAreWrittenExactlyAsTheRecordWouldBe() throws JsonProcessingException {
        ObjectMapper encoded = new ObjectMapper();
        ObjectMapper asRecord = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();
        List<BandView> views = Arrays.stream(Band.values()).map(BandView::of).toList();
        // In a list and as an object's field, where the separators come from the surrounding JSON.
        Object document = Map.of("units", views, "band", BandView.of(Band.CRITICAL));
        assertEquals(asRecord.writeValueAsString(document), encoded.writeValueAsString(document));
    }
}
