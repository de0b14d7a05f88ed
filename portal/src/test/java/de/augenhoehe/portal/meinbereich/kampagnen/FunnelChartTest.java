package de.augenhoehe.portal.meinbereich.kampagnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The funnel chart's geometry: one bar per step and row, scaled to the page's largest number, a count never invisible. */
class FunnelChartTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_step_of_every_row_gets_its_bar_with_its_number() {
        List<JsonNode> rows = List.of(
                JSON.readTree("{\"area\":\"Leer\",\"stages\":{\"distributed\":1000,\"scanned\":1,\"signedUp\":0,\"confirmed\":0,\"matched\":0,\"returnedOrHired\":0}}"),
                JSON.readTree("{\"area\":\"Papenburg\",\"stages\":{\"distributed\":500,\"scanned\":250}}"));
        FunnelChart chart = FunnelChart.of(rows, r -> r.path("area").asString());
        assertThat(chart.groups()).extracting(FunnelChart.Group::name).containsExactly("Leer", "Papenburg");
        assertThat(chart.groups().get(0).bars()).extracting(FunnelChart.Bar::word)
                .containsExactly("verteilt", "gescannt", "angemeldet", "bestätigt", "passende Stelle", "zurück oder eingestellt");
        FunnelChart.Bar distributed = chart.groups().get(0).bars().get(0);
        assertThat(distributed.width()).isEqualTo(FunnelChart.BAR_MAX);
        assertThat(chart.groups().get(0).bars().get(1).width()).as("one scan beside a thousand stays visible").isEqualTo(3);
        assertThat(chart.groups().get(0).bars().get(2).width()).as("nothing is no bar").isZero();
        assertThat(chart.groups().get(1).bars().get(0).width()).isEqualTo(FunnelChart.BAR_MAX / 2);
        assertThat(chart.groups().get(1).bars().get(1).count()).as("a missing step counts 0").isEqualTo(250);
        assertThat(chart.groups().get(1).y()).isEqualTo(FunnelChart.GROUP);
        assertThat(chart.height()).isEqualTo(2 * FunnelChart.GROUP);
        assertThat(FunnelChart.of(List.of(), r -> "").height()).as("an empty chart still has a size").isEqualTo(FunnelChart.GROUP);
    }
}
