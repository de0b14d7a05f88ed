package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;

import org.junit.jupiter.api.Test;

/** Bean Validation's "today" is Germany's, whatever the server's zone. */
class ValidationClockTest {

    record Distribution(@PastOrPresent LocalDate on) {
    }

    @Test
    void a_date_check_uses_german_time() {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new WebAutoConfiguration().germanClockForValidation().customize(configuration);
        try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
            assertThat(factory.getClockProvider().getClock().getZone()).isEqualTo(WebAutoConfiguration.BERLIN);
            LocalDate germanToday = LocalDate.now(WebAutoConfiguration.BERLIN);
            assertThat(factory.getValidator().validate(new Distribution(germanToday))).as("today in Germany is no future").isEmpty();
            assertThat(factory.getValidator().validate(new Distribution(germanToday.plusDays(1)))).isNotEmpty();
            // the case that failed: between 00:00 and 01:00 in Germany, UTC's today is the day before
            assertThat(LocalDate.now(ZoneOffset.UTC)).isBeforeOrEqualTo(germanToday);
        }
    }
}
