package de.augenhoehe.portal.meinbereich.kampagnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the campaign form sends to outreach-service, and what it refuses at which field before the API is asked. */
class CampaignFormTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NETWORK = "0d3e4a52-7c1b-4f0e-9a61-000000000001";

    static CampaignForm filled() {
        CampaignForm form = new CampaignForm();
        form.setTitel(" Rückkehrtag ");
        form.setZiel("Fachkräfte zurückgewinnen");
        form.setZielzahl("");
        form.setBegruendung("Engpass");
        form.setBefund("");
        form.setZielgruppe("Ehemalige");
        form.setKanaele(List.of("DOOR_HANGER", "POSTER"));
        form.setGebiete("74072, 74074;74072  74076");
        form.setVon("2026-12-01");
        form.setBis("2027-01-31");
        form.setBudget("1.500,50");
        return form;
    }

    static BeanPropertyBindingResult checked(CampaignForm form) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.check(errors);
        return errors;
    }

    @Test
    void a_filled_form_becomes_the_api_s_campaign_with_german_numbers_read_and_postal_codes_once_each() {
        CampaignForm form = filled();
        assertThat(checked(form).hasErrors()).isFalse();
        Map<String, Object> body = form.request(NETWORK, null);
        assertThat(body.get("title")).isEqualTo("Rückkehrtag");
        assertThat(body.get("targetAreas")).isEqualTo(List.of("74072", "74074", "74076"));
        assertThat(body.get("budgetEur")).isEqualTo(new BigDecimal("1500.50"));
        assertThat(((Map<?, ?>) body.get("goal")).get("target")).as("an empty target is none").isNull();
        assertThat(((Map<?, ?>) body.get("rationale")).get("monitorFinding")).isNull();
        assertThat(body.get("partnerIds")).isEqualTo(List.of());
        for (String[] amount : new String[][] {{"1500", "1500"}, {"1500,5", "1500.5"}, {"1500.50", "1500.50"}, {"1.500", "1500"},
                {"0", "0"}, {"12.345.678,90", "12345678.90"}}) {
            form.setBudget(amount[0]);
            assertThat(checked(form).hasErrors()).as(amount[0]).isFalse();
            assertThat(form.request(NETWORK, null).get("budgetEur")).as(amount[0]).isEqualTo(new BigDecimal(amount[1]));
        }
    }

    @Test
    void wrong_values_come_back_at_their_fields() {
        CampaignForm form = filled();
        form.setGebiete("7407, 74074");
        form.setVon("2027-02-01");
        form.setBudget("-5");
        form.setKanaele(List.of("CARRIER_PIGEON"));
        BeanPropertyBindingResult errors = checked(form);
        assertThat(errors.getFieldError("gebiete").getDefaultMessage()).startsWith("Bitte nur fünfstellige Postleitzahlen");
        assertThat(errors.getFieldError("bis").getDefaultMessage()).isEqualTo("Das Ende darf nicht vor dem Beginn liegen.");
        assertThat(errors.getFieldError("budget").getDefaultMessage()).startsWith("Bitte geben Sie das Budget in Euro an");
        assertThat(errors.getFieldError("kanaele").getDefaultMessage()).isEqualTo("Bitte wählen Sie nur Kanäle aus der Liste.");

        form = filled();
        form.setGebiete(" ");
        form.setVon("morgen");
        form.setBis("");
        form.setBudget("1,234");
        errors = checked(form);
        assertThat(errors.getFieldError("gebiete").getDefaultMessage()).startsWith("Bitte geben Sie mindestens eine Postleitzahl an");
        assertThat(errors.getFieldError("von").getDefaultMessage()).isEqualTo("Bitte ein Datum angeben, z. B. 2027-01-31.");
        assertThat(errors.getFieldError("bis").getDefaultMessage()).isEqualTo("Bitte geben Sie das Ende an.");
        assertThat(errors.getFieldError("budget")).as("three decimals are no amount of euros").isNotNull();
    }

    @Test
    void a_change_keeps_the_campaign_s_partners_and_shows_its_values_as_people_write_them() {
        JsonNode read = JSON.readTree("""
                {"id":"6d0e0000-0000-4000-8000-000000000001","networkId":"%s","title":"Aktion","goal":{"text":"Ziel","target":20},
                 "rationale":{"text":"Grund","monitorFinding":"https://example.org/m"},"audience":"Alle","channels":["POSTCARD"],
                 "targetAreas":["26789","26871"],"period":{"from":"2026-12-01","to":"2027-01-31"},
                 "partnerIds":["11111111-2222-4333-8444-555555555555"],"budgetEur":1500.5,"status":"ACTIVE"}""".formatted(NETWORK));
        CampaignForm form = CampaignForm.of(read);
        assertThat(form.getGebiete()).isEqualTo("26789, 26871");
        assertThat(form.getBudget()).isEqualTo("1500,5");
        assertThat(form.getZielzahl()).isEqualTo("20");
        assertThat(form.getKanaele()).containsExactly("POSTCARD");
        assertThat(checked(form).hasErrors()).isFalse();
        Map<String, Object> body = form.request(NETWORK, read.path("partnerIds"));
        assertThat(body.get("partnerIds")).isEqualTo(List.of("11111111-2222-4333-8444-555555555555"));
        assertThat(((Map<?, ?>) body.get("goal")).get("target")).isEqualTo(20);
    }
}
