package de.augenhoehe.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A constraint on a header beside a {@code @Valid} body makes Spring validate the whole method, and the body's field
 * errors arrive as method validation results: they must still name the body's fields (a form shows them there), not
 * the parameter that holds the body.
 */
class MethodValidationProblemTest {

    record Correction(@Pattern(regexp = "[A-Za-z -]*", message = "letters only") String lastName) {
    }

    @RestController
    static class Corrections {
        @PutMapping("/corrections")
        ResponseEntity<Void> correct(@Valid @RequestBody Correction correction,
                @RequestHeader(name = "Token", required = false) @Size(max = 5) String token) {
            return ResponseEntity.noContent().build();
        }
    }

    private final MockMvc mvc = mvc();

    private static MockMvc mvc() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return MockMvcBuilders.standaloneSetup(new Corrections()).setControllerAdvice(new ProblemDetailsAdvice())
                .setValidator(validator).build();
    }

    @Test
    void a_body_field_keeps_its_name_when_a_header_is_validated_too() throws Exception {
        mvc.perform(put("/corrections").contentType(MediaType.APPLICATION_JSON).content("{\"lastName\":\"Ostendorp 2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:augenhoehe:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("lastName"))
                .andExpect(jsonPath("$.errors[0].message").value("letters only"));
    }

    @Test
    void a_header_too_long_is_named_by_its_parameter() throws Exception {
        mvc.perform(put("/corrections").contentType(MediaType.APPLICATION_JSON).header("Token", "123456")
                .content("{\"lastName\":\"Ostendorp\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }
}
