package de.augenhoehe.outreach;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.augenhoehe.testing.PathologicalInputContract;
import de.augenhoehe.testing.ProblemContract;
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

    /** Issue #16: encoded separators and control characters in a path, and unknown paths, are answered as problems. */
    @Test
    void every_error_is_a_problem_also_for_odd_paths() {
        ProblemContract.assertEveryErrorIsAProblem(port, null);
        ProblemContract.assertEveryErrorIsAProblem(port, PathologicalInputContract.everyRole());
    }
}
