package de.augenhoehe.partner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.augenhoehe.testing.PathologicalInputContract;
import de.augenhoehe.testing.RealInfrastructure;

/** Issue #15: no value of any field or parameter, however long and however shaped, holds this service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class PathologicalInputIT {

    @LocalServerPort int port;

    @Test
    void every_operation_of_the_committed_contract_answers_pathological_input_within_200_ms() {
        PathologicalInputContract.assertNoInputHoldsTheService(port);
    }
}
