package de.augenhoehe.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void walks_from_the_failure_to_its_innermost_cause() {
        SQLException sql = new SQLException("lost", "08006");
        IllegalStateException outer = new IllegalStateException("outer", new RuntimeException("middle", sql));

        assertThat(Causes.of(outer)).extracting(Throwable::getMessage).containsExactly("outer", "middle", "lost");
        assertThat(Causes.root(outer)).isSameAs(sql);
        assertThat(Causes.any(outer, SQLException.class::isInstance)).isTrue();
        assertThat(Causes.any(outer, IllegalArgumentException.class::isInstance)).isFalse();
    }

    @Test
    void a_cyclic_chain_ends_at_the_first_repeated_cause() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(Causes.of(a)).containsExactly(a, b);
        assertThat(Causes.any(a, IllegalArgumentException.class::isInstance)).isFalse();
        assertThat(Causes.root(a)).isSameAs(b);
    }
}
