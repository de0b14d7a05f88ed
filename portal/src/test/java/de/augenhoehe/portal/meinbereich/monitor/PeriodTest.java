package de.augenhoehe.portal.meinbereich.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void without_fields_the_last_twelve_months_up_to_this_one() {
        Period p = Period.of("", null);
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Berlin"));
        assertThat(p.valid()).isTrue();
        assertThat(p.to()).isEqualTo(now);
        assertThat(p.from()).isEqualTo(now.minusMonths(11));
    }

    @Test
    void a_wrong_month_an_inverted_or_a_too_long_period_is_refused_at_its_field() {
        assertThat(Period.of("2026-13", "2026-12").errors()).containsOnlyKeys("von");
        assertThat(Period.of("2026-01", "Dezember").errors()).containsOnlyKeys("bis");
        assertThat(Period.of("2026-06", "2026-01").errors()).containsEntry("bis", "Der letzte Monat darf nicht vor dem ersten liegen.");
        assertThat(Period.of("2023-01", "2026-01").errors()).containsOnlyKeys("bis");
        assertThat(Period.of("2023-02", "2026-01").valid()).as("36 months").isTrue();
    }

    @Test
    void the_axis_steps_are_round_and_the_bars_stand_on_the_axis() {
        assertThat(List.of(1, 5, 6, 10, 11, 24, 26, 99, 1001).stream().map(SeriesChart::niceStep).toList())
                .containsExactly(1, 1, 2, 2, 5, 5, 10, 20, 500);
        SeriesChart chart = SeriesChart.of(List.of(new SeriesChart.Point(YearMonth.of(2026, 11), 1, 4, 3),
                new SeriesChart.Point(YearMonth.of(2026, 12), 0, 0, 0)));
        assertThat(chart.bars()).hasSize(4);
        SeriesChart.Bar inflow = chart.bars().getFirst();
        assertThat(Double.parseDouble(inflow.y()) + Double.parseDouble(inflow.height()))
                .as("the bar ends on the zero line").isEqualTo(chart.gridLines().getFirst(), org.assertj.core.data.Offset.offset(0.11));
        assertThat(chart.bars().get(2).height()).isEqualTo("0.0");
        assertThat(chart.xLabels()).extracting(SeriesChart.Label::text).containsExactly("11/26", "12/26");
    }
}
