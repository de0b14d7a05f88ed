package de.augenhoehe.gateway.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The designed-only BFF stays off by default, and switching it on fails loudly instead of running half a login. */
class BffGuardTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(BffGuard.class);

    @Test
    void off_by_default() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BffGuard.class));
    }

    @Test
    void switching_it_on_stops_the_start_with_a_reason() {
        runner.withPropertyValues("augenhoehe.gateway.bff.enabled=true").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("designed only"));
    }
}
