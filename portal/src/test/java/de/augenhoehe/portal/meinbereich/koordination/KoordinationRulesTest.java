package de.augenhoehe.portal.meinbereich.koordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.portal.web.Paging;

/** The coordinator's pages' own rules: paging of whole lists, the chart's scale, the period, the quorum, the messages. */
class KoordinationRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_whole_list_is_paged_by_twenty_and_the_pager_knows_its_neighbours() {
        List<Integer> all = IntStream.range(0, 45).boxed().toList();
        assertThat(Paging.ofList(all, 0, Paging.SIZE).slice(all, Paging.SIZE)).hasSize(20).startsWith(0);
        assertThat(Paging.ofList(all, 2, Paging.SIZE).slice(all, Paging.SIZE)).containsExactly(40, 41, 42, 43, 44);
        assertThat(Paging.ofList(all, 9, Paging.SIZE).slice(all, Paging.SIZE)).as("beyond the last: the last").containsExactly(40, 41, 42, 43, 44);
        Paging last = Paging.ofList(all, 2, Paging.SIZE);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.number()).isEqualTo(3);
        assertThat(Paging.requested(null)).isZero();
        assertThat(Paging.requested(-4)).isZero();
        assertThat(Paging.requested(2)).isEqualTo(1);
    }

    @Test
    void the_apis_page_answer_becomes_a_pager() {
        Paging p = Paging.of(JSON.readTree("{\"items\":[],\"page\":1,\"size\":20,\"total\":41}"));
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.number()).isEqualTo(2);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.hasNext()).isTrue();
        assertThat(Paging.of(JSON.readTree("{\"items\":[],\"page\":0,\"size\":20,\"total\":0}")).hasNext()).isFalse();
    }

    @Test
    void the_longest_bar_of_a_chart_page_is_the_largest_count_and_the_others_scale() {
        List<JsonNode> members = List.of(
                JSON.readTree("{\"name\":\"A\",\"giveEntries\":4,\"gainEntries\":1}"),
                JSON.readTree("{\"name\":\"B\",\"giveEntries\":0,\"gainEntries\":2}"));
        BalanceChart chart = BalanceChart.of(members);
        assertThat(chart.rows().get(0).giveWidth()).isEqualTo(BalanceChart.BAR_MAX);
        assertThat(chart.rows().get(0).gainWidth()).isEqualTo(BalanceChart.BAR_MAX / 4);
        assertThat(chart.rows().get(1).giveWidth()).isZero();
        assertThat(chart.rows().get(1).y()).isEqualTo(BalanceChart.ROW);
        assertThat(chart.height()).isEqualTo(2 * BalanceChart.ROW);
        assertThat(BalanceChart.of(List.of(JSON.readTree("{\"name\":\"C\",\"giveEntries\":0,\"gainEntries\":0}")))
                .rows().getFirst().giveWidth()).as("no entries at all: no bar, no division by zero").isZero();
    }

    @Test
    void a_groups_quorum_is_a_whole_number_of_partners_or_a_share_in_per_cent_sent_as_a_fraction() {
        GroupForm form = new GroupForm();
        form.setQuorumArt("FRACTION");
        form.setQuorumWert("50");
        assertThat(form.quorumValue()).isEqualByComparingTo("0.5");
        form.setQuorumWert("66,7");
        assertThat(form.quorumValue()).isEqualByComparingTo("0.667");
        for (String wrong : new String[] { "0", "101", "33,33", "viele", "" }) {
            form.setQuorumWert(wrong);
            assertThat(form.quorumValue()).as(wrong).isNull();
        }
        form.setQuorumArt("COUNT");
        form.setQuorumWert("3");
        assertThat(form.quorumValue()).isEqualByComparingTo("3");
        form.setQuorumWert("2.5");
        assertThat(form.quorumValue()).isNull();
        form.setThemen(" Ausbildung, Migration ,, Ausbildung ");
        assertThat(form.topics()).containsExactly("Ausbildung", "Migration");
        form.setName("AG Test");
        form.setQuorumWert("3");
        form.setArt("GOLD");
        org.springframework.validation.BeanPropertyBindingResult errors = new org.springframework.validation.BeanPropertyBindingResult(form, "gruppe");
        form.check(errors);
        assertThat(errors.getFieldErrors().stream().map(e -> e.getField())).containsExactly("art");
    }

    @Test
    void a_meetings_agenda_is_one_item_a_line_and_its_time_is_german_time() {
        MeetingsController.MeetingForm meeting = new MeetingsController.MeetingForm();
        meeting.setTagesordnung("Begrüßung\r\n\n  Projekttag \nVerschiedenes");
        assertThat(meeting.agenda()).containsExactly("Begrüßung", "Projekttag", "Verschiedenes");
        meeting.setTag("2027-03-15");
        meeting.setUhrzeit("16:00");
        org.springframework.validation.BeanPropertyBindingResult errors = new org.springframework.validation.BeanPropertyBindingResult(meeting, "meeting");
        assertThat(MeetingsController.startsAt(meeting, errors)).isEqualTo("2027-03-15T16:00+01:00");
        meeting.setTag("2027-07-01");
        assertThat(MeetingsController.startsAt(meeting, errors)).as("summer time").isEqualTo("2027-07-01T16:00+02:00");
        meeting.setTag("15.03.");
        assertThat(MeetingsController.startsAt(meeting, errors)).isNull();
        assertThat(errors.getFieldError("tag")).isNotNull();
    }

    @Test
    void a_suspension_needs_a_reason_and_every_reason_is_short_plain_text() {
        assertThat(MembershipsController.reasonError("suspend", null)).contains("Grund");
        assertThat(MembershipsController.reasonError("suspend", "Beitrag offen")).isNull();
        assertThat(MembershipsController.reasonError("end", null)).as("ending: the reason is voluntary").isNull();
        assertThat(MembershipsController.reasonError("end", "x".repeat(500))).isNull();
        assertThat(MembershipsController.reasonError("end", "x".repeat(501))).contains("höchstens 500", "jetzt 501");
        assertThat(MembershipsController.reasonError("suspend", "<script>")).contains("spitze Klammern");
    }

    @Test
    void a_period_is_checked_before_the_api_is_asked() {
        assertThat(BalanceController.Period.read("2027-01-01", "2027-12-31").query()).isEqualTo("?from=2027-01-01&to=2027-12-31");
        assertThat(BalanceController.Period.read(" ", null).query()).isEmpty();
        assertThat(BalanceController.Period.read("31.01.2027", null).errors()).containsOnlyKeys("von");
        assertThat(BalanceController.Period.read("2027-02-01", "2027-01-01").errors())
                .containsEntry("bis", "Das Ende darf nicht vor dem Anfang liegen.");
    }

    @Test
    void the_quorum_is_a_share_rounded_up_or_a_number_of_partners() {
        assertThat(GroupPages.required(JSON.readTree("{\"kind\":\"FRACTION\",\"value\":0.5}"), 5)).isEqualTo(3);
        assertThat(GroupPages.required(JSON.readTree("{\"kind\":\"FRACTION\",\"value\":0.5}"), 0)).isEqualTo(1);
        assertThat(GroupPages.required(JSON.readTree("{\"kind\":\"COUNT\",\"value\":3}"), 10)).isEqualTo(3);
    }

    @Test
    void each_step_on_a_membership_says_what_happened_in_german() {
        assertThat(MembershipsController.message("activate", "APPLIED", "X GmbH"))
                .isEqualTo("Der Antrag ist angenommen: X GmbH ist jetzt aktives Mitglied des Netzwerks.");
        assertThat(MembershipsController.message("activate", "SUSPENDED", "X GmbH")).isEqualTo("X GmbH ist wieder aktives Mitglied.");
        assertThat(MembershipsController.message("suspend", "ACTIVE", "X GmbH")).isEqualTo("Die Mitgliedschaft von X GmbH ruht jetzt.");
        assertThat(MembershipsController.message("end", "APPLIED", "X GmbH")).isEqualTo("Der Antrag von X GmbH ist abgelehnt.");
        assertThat(MembershipsController.message("end", "INVITED", "X GmbH")).isEqualTo("Die Einladung an X GmbH ist zurückgezogen.");
        assertThat(MembershipsController.message("end", "ACTIVE", "X GmbH")).isEqualTo("Die Mitgliedschaft von X GmbH ist beendet.");
    }
}
