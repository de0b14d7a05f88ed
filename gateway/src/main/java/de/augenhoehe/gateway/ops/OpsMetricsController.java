package de.augenhoehe.gateway.ops;

import java.util.List;

import de.augenhoehe.gateway.routing.DownstreamInstances;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * One service instance's Prometheus text for operators who reach only the gateway (role operations, as all of
 * {@code /ops/**}): {@code GET /ops/metrics/{service}?instance=N} relays that instance's {@code /actuator/prometheus}
 * with the operator's own token, untouched. One instance per call, never a merge: the same series from two instances
 * would be indistinguishable. A Prometheus server that can reach the instances scrapes them directly instead
 * (infra/monitoring/README.md).
 */
@RestController
@Tag(name = "operations")
class OpsMetricsController {

    private final DownstreamInstances instances;
    private final InstanceCalls calls;

    OpsMetricsController(DownstreamInstances instances, InstanceCalls calls) {
        this.instances = instances;
        this.calls = calls;
    }

    @GetMapping("/ops/metrics/{service}")
    @Operation(summary = "One instance's Prometheus metrics (text format), through its own /actuator/prometheus")
    Mono<ResponseEntity<String>> metrics(@Parameter(schema = @Schema(allowableValues = {"partner", "vacancy", "measures", "outreach", "partner-service", "vacancy-service", "measures-service", "outreach-service"})) @PathVariable String service, @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647")) @RequestParam(defaultValue = "0") int instance,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String id = service.endsWith("-service") ? service : service + "-service";
        List<ServiceInstance> all = instances.all().get(id);
        if (all == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No service " + service + "; known: " + instances.all().keySet());
        }
        if (instance < 0 || instance >= all.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, id + " has " + all.size() + " instance(s), numbered from 0");
        }
        ServiceInstance target = all.get(instance);
        return calls.call(HttpMethod.GET, target, "/actuator/prometheus", authorization).map(answer -> {
            if (answer.status() == 0) {
                throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, id + " (" + target.getUri() + "): " + answer.error());
            }
            ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).header("X-Augenhoehe-Instance", target.getUri().toString());
            if (answer.contentType() != null) {
                response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
            }
            return response.body(answer.body());
        });
    }
}
