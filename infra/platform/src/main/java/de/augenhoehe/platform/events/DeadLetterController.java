package de.augenhoehe.platform.events;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/** Operations: this service's dead letters, and redriving one. Operations role only (see platform security). */
@RestController
@RequestMapping("/internal/dead-letters")
@Validated
@Tag(name = "operations")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dead letters of this service's consumer group, oldest first")
    List<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(limit);
    }

    @PostMapping("/{topic}/{partition}/{offset}/redrive")
    @Operation(summary = "Apply one dead letter again in this consumer group (successfully at most once)")
    ResponseEntity<DeadLetters.DeadLetter> redrive(@PathVariable @BoundedPattern(regexp = "[A-Za-z0-9._-]+", max = 249) String topic,
            @PathVariable @Min(0) @Max(Integer.MAX_VALUE) int partition, @PathVariable @Min(0) @Max(Long.MAX_VALUE) long offset,
            Authentication operator) {
        return deadLetters.redrive(topic, partition, offset, operator.getName())
                .map(letter -> ResponseEntity.status(HttpStatus.ACCEPTED).body(letter))
                .orElseThrow(() -> ProblemException.notFound("Dead letter " + topic + "/" + partition + "/" + offset));
    }

    @ExceptionHandler(DeadLetters.RedriveFailedException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> failedAgain(DeadLetters.RedriveFailedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemException.conflict("redrive-failed", e.getMessage()).toProblem());
    }

    @ExceptionHandler(DeadLetters.AlreadyRedrivenException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> already(DeadLetters.AlreadyRedrivenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemException.conflict("already-redriven", e.getMessage()).toProblem());
    }
}
