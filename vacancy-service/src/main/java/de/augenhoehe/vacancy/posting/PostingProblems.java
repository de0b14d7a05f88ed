package de.augenhoehe.vacancy.posting;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * The problems the posting operations answer besides the platform's generic ones, in the OpenAPI document (issue #16:
 * the endpoint fuzzer met them undeclared). Derived from the rules that give them where the document shows the rule
 * (an {@code If-Match} parameter: 412 when stale; an {@code externalId}: 422 when it breaks {@link PostingCommands#EXTERNAL_ID}),
 * listed per operation where it does not. Runs before the platform's contract defaults, so these get its headers too.
 */
@Configuration(proxyBeanMethods = false)
class PostingProblems {

    static final String PROBLEM = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String STALE = "precondition-failed: the posting was changed since it was read (If-Match)";
    static final String INVALID_POSTING = "validation-failed: the posting breaks a rule (errors: field, message)";

    /** "METHOD path" → status → what; besides the rules above. */
    static final Map<String, Map<Integer, String>> LISTED = Map.of(
            "POST /api/vacancies", Map.of(422, INVALID_POSTING),
            "PUT /api/vacancies/{id}", Map.of(422, INVALID_POSTING, 428, "precondition-required: no If-Match"),
            "PUT /integration/v1/vacancies/{externalId}", Map.of(422, INVALID_POSTING),
            "POST /integration/v1/vacancies:batch", Map.of(422, "every item rejected (a problem with each item's result), "
                    + "or batch-size: 1 to " + PostingCommands.MAX_BATCH + " items"));

    @Bean
    OpenApiCustomizer postingProblemResponses() {
        return new Customizer();
    }

    private static final class Customizer implements OpenApiCustomizer, Ordered {

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void customise(OpenAPI openApi) {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                if (!path.startsWith("/api/vacancies") && !path.startsWith("/integration/")) {
                    return;
                }
                if (parameter(op, "header", "If-Match")) {
                    add(op, 412, STALE);
                }
                if (parameter(op, "path", "externalId")) {
                    add(op, 422, "invalid-external-id: 1 to 200 letters, digits, '.', '_', '~' or '-'");
                }
                LISTED.getOrDefault(method + " " + path, Map.of()).forEach((status, what) -> add(op, status, what));
                if (path.endsWith(":batch") && op.getResponses().get("200") != null) {
                    op.getResponses().addApiResponse(String.valueOf(HttpStatus.MULTI_STATUS.value()), new ApiResponse()
                            .description("Mixed: some items rejected, each with its result").content(op.getResponses().get("200").getContent()));
                }
            }));
        }

        private static boolean parameter(Operation op, String in, String name) {
            return op.getParameters() != null
                    && op.getParameters().stream().anyMatch(p -> in.equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
        }

        private static void add(Operation op, int status, String what) {
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            ApiResponse existing = responses.get(String.valueOf(status));
            if (existing != null && existing.getContent() != null && existing.getContent().containsKey(PROBLEM)) {
                existing.setDescription(existing.getDescription() + "; " + what);
                return;
            }
            responses.addApiResponse(String.valueOf(status), new ApiResponse().description(what).content(new Content()
                    .addMediaType(PROBLEM, new MediaType().schema(new ObjectSchema()))));
            op.setResponses(responses);
        }
    }
}
