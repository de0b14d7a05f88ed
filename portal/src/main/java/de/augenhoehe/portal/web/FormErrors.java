package de.augenhoehe.portal.web;

import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * The API's refusal of a form, put where the person looks: at the field. The API's field names are mapped to the
 * form's ({@code email} → {@code email}, {@code person.email} → {@code email}); a refusal without a field, or of a
 * field the form does not have, becomes a message for the whole form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param germanByField the German message per form field for the API's refusal of it (the API speaks English
     *                      and German in one string; the page shows the German one), e.g. {@code "email" → "Bitte eine
     *                      gültige E-Mail-Adresse angeben."}
     * @param fieldByApiField the form field of each API field whose name differs
     * @param fallback the German message when the refusal names no field of the form
     */
    public static void apply(ApiProblem problem, BindingResult form, Map<String, String> germanByField,
            Map<String, String> fieldByApiField, String fallback) {
        boolean placed = false;
        for (String apiField : problem.fieldErrors().keySet()) {
            String field = fieldByApiField.getOrDefault(apiField, apiField);
            if (germanByField.containsKey(field)) {
                form.rejectValue(field, "api." + problem.slug(), germanByField.get(field));
                placed = true;
            }
        }
        if (!placed) {
            form.reject("api." + problem.slug(), fallback);
        }
    }
}
