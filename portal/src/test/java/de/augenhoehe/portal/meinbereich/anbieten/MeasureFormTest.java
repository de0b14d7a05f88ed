package de.augenhoehe.portal.meinbereich.anbieten;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the host's form sends to measures-service, and what it refuses before the API is asked. */
class MeasureFormTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String READ = """
            {"id":"6d0e0000-0000-4000-8000-000000000009","networkId":"0d3e4a52-7c1b-4f0e-9a61-000000000001",
             "hostPartnerId":"39c9e92d-2d27-4dc0-bbf7-3fa1c0e0ecb3","coOrganiserIds":["11111111-2222-4333-8444-555555555555"],
             "title":"Fachsprache Metall","description":"Vier Abende","type":"TECHNICAL_LANGUAGE_TRAINING",
             "targetGroups":["APPRENTICES"],"delivery":"VERBUND","foldedInto":"Ausbildungsverbund 2027",
             "sessions":[{"id":"aa0e0000-0000-4000-8000-000000000001","date":"2027-02-03","startTime":"17:00:00","endTime":"19:30:00",
                          "postalCode":"74072","kreis":"08121","place":"Berufsschule","capacity":null}],
             "capacity":12,"confirmedPlaces":3,"freePlaces":9,"registrationOpensAt":"2027-01-01T08:00:00Z",
             "registrationClosesAt":"2027-02-01T23:00:00Z","costEur":25.50,"funding":"ESF Plus","language":"de",
             "occupationGroups":["242","244"],"kreise":["08121"],"status":"OPEN","statusReason":null,"version":4}""";

    @Test
    void a_change_keeps_what_the_form_does_not_show_and_sends_none_of_the_view_s_own_fields() {
        JsonNode read = JSON.readTree(READ);
        MeasureForm form = MeasureForm.of(read);
        assertThat(form.getVersion()).isEqualTo(4);
        assertThat(form.getKosten()).isEqualTo("25,5");
        assertThat(form.getBerufsgruppen()).isEqualTo("242, 244");
        assertThat(form.getAnmeldungBis()).as("the last day registration is possible, in Berlin").isEqualTo("2027-02-01");
        assertThat(form.getTermine().get(0).getBeginn()).isEqualTo("17:00");
        form.setTitel("Fachsprache Metall und Elektro");

        ObjectNode body = form.request(JSON.createObjectNode(), null, read);
        assertThat(body.path("title").asString()).isEqualTo("Fachsprache Metall und Elektro");
        assertThat(body.path("coOrganiserIds").get(0).asString()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(body.path("foldedInto").asString()).isEqualTo("Ausbildungsverbund 2027");
        assertThat(body.path("funding").asString()).isEqualTo("ESF Plus");
        assertThat(body.path("registrationOpensAt").asString()).isEqualTo("2027-01-01T08:00:00Z");
        assertThat(body.path("registrationClosesAt").asString()).as("the same instant as read").isEqualTo("2027-02-01T23:00:00Z");
        assertThat(body.path("costEur").decimalValue()).isEqualByComparingTo("25.5");
        assertThat(body.path("sessions").get(0).path("startTime").asString()).isEqualTo("17:00");
        assertThat(body.has("id") || body.has("status") || body.has("version") || body.has("kreise") || body.has("freePlaces")).isFalse();
        assertThat(body.path("sessions").get(0).has("id") || body.path("sessions").get(0).has("kreis")).isFalse();
    }

    @Test
    void a_new_measure_is_hosted_by_the_person_s_organisation_and_empty_session_rows_are_no_sessions() {
        MeasureForm form = filled();
        form.addRow();
        ObjectNode body = form.request(JSON.createObjectNode(), "39c9e92d-2d27-4dc0-bbf7-3fa1c0e0ecb3", null);
        assertThat(body.path("hostPartnerId").asString()).isEqualTo("39c9e92d-2d27-4dc0-bbf7-3fa1c0e0ecb3");
        assertThat(body.path("sessions").size()).isEqualTo(1);
        assertThat(body.path("sessions").get(0).path("date").asString()).as("a German date typed by hand").isEqualTo("2027-03-04");
        assertThat(body.path("capacity").isNull()).as("no number: no limit").isTrue();
        assertThat(body.path("occupationGroups").size()).isEqualTo(2);
    }

    @Test
    void codes_outside_the_lists_unreal_dates_and_sessions_ending_before_they_begin_are_refused_at_their_fields() {
        MeasureForm form = filled();
        form.setArt("SOMETHING");
        form.setZielgruppen(List.of("PUPILS_REALSCHULE", "ALIENS"));
        form.getTermine().get(0).setDatum("31.02.2027");
        form.getTermine().get(0).setEnde("08:59");
        form.getTermine().get(0).setPlz("7407");
        var errors = new BeanPropertyBindingResult(form, "form");
        form.check(errors);
        assertThat(errors.getFieldError("art")).isNotNull();
        assertThat(errors.getFieldError("zielgruppen")).isNotNull();
        assertThat(errors.getFieldError("termine[0].datum").getDefaultMessage()).contains("Datum");
        assertThat(errors.getFieldError("termine[0].ende").getDefaultMessage()).isEqualTo("Das Ende muss nach dem Beginn liegen.");
        assertThat(errors.getFieldError("termine[0].plz")).isNotNull();

        var fine = new BeanPropertyBindingResult(filled(), "form");
        filled().check(fine);
        assertThat(fine.hasErrors()).isFalse();
    }

    private static MeasureForm filled() {
        MeasureForm form = new MeasureForm();
        form.setTitel("Werkstatttag");
        form.setArt("TECHNOLOGY_DAY");
        form.setZielgruppen(new java.util.ArrayList<>(List.of("PUPILS_REALSCHULE")));
        form.setDurchfuehrung("IN_COMPANY");
        form.setNetzwerk("0d3e4a52-7c1b-4f0e-9a61-000000000001");
        form.setBerufsgruppen("242 263");
        MeasureForm.Termin t = form.getTermine().get(0);
        t.setDatum("4.3.2027");
        t.setBeginn("9:00");
        t.setEnde("15:00");
        t.setPlz("74072");
        t.setOrt("Werkhalle");
        return form;
    }
}
