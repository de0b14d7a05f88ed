package de.augenhoehe.portal.massnahmen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/** What the management page and the catalogue accept from a person before the API is asked. */
class ManageFormTest {

    static final String ID = "82f62e43-fa9a-4f2f-b5e7-4896545d032d";
    static final String TOKEN = "8BUUSa-0THO7YGYk00jtyH4K_hvSJxumeFKEFVFdDMM";

    @Test
    void the_whole_link_the_fragment_alone_or_the_script_s_hash_all_name_the_registration() {
        for (String code : new String[] {"https://augenhoehe.example/massnahmen/anmeldung/verwalten#anmeldung=" + ID + "&token=" + TOKEN,
                "anmeldung=" + ID + "&token=" + TOKEN, "  anmeldung=" + ID.toUpperCase() + "&token=" + TOKEN + "\n"}) {
            ManageForm form = new ManageForm();
            form.setCode(code);
            assertThat(form.link()).as(code).contains(new ManageForm.Link(ID, TOKEN));
        }
    }

    @Test
    void a_link_without_id_or_secret_names_nothing() {
        for (String code : new String[] {"hallo", "anmeldung=" + ID, "token=" + TOKEN, "anmeldung=123&token=" + TOKEN,
                "anmeldung=" + ID + "&token=kurz"}) {
            ManageForm form = new ManageForm();
            form.setCode(code);
            assertThat(form.link()).as(code).isEmpty();
        }
    }

    @Test
    void catalogue_filters_outside_the_offered_codes_or_not_dates_come_back_at_their_fields() {
        CatalogueFilter filter = new CatalogueFilter();
        filter.setKreis("99999");
        filter.setArt("TECHNOLOGY_DAY");
        filter.setAb("gestern");
        filter.setSeite("x");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(filter, "filter");
        filter.check(errors);
        assertThat(errors.getFieldError("kreis").getDefaultMessage()).contains("Kreis aus der Liste");
        assertThat(errors.getFieldError("ab").getDefaultMessage()).contains("Datum");
        assertThat(errors.hasFieldErrors("art")).isFalse();
        assertThat(filter.page()).isZero();

        CatalogueFilter range = new CatalogueFilter();
        range.setAb("2027-03-10");
        range.setBis("2027-03-01");
        BeanPropertyBindingResult rangeErrors = new BeanPropertyBindingResult(range, "filter");
        range.check(rangeErrors);
        assertThat(rangeErrors.getFieldError("bis").getDefaultMessage()).contains("vor dem Datum");
    }

    @Test
    void paging_links_keep_only_the_filters_that_are_set() {
        CatalogueFilter filter = new CatalogueFilter();
        filter.setKreis("08121");
        filter.setFrei(true);
        assertThat(filter.pageLink(2)).isEqualTo("/massnahmen?kreis=08121&frei=true&seite=2");
    }
}
