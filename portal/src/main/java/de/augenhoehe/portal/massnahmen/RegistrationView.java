package de.augenhoehe.portal.massnahmen;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A registration as its person sees it on the management page: from the API's export of their own data, and — right
 * after confirming — the confirmation's answer, which alone knows the waiting-list position.
 *
 * @param state {@code CONFIRMED}, {@code WAITLISTED} or {@code CANCELLED}
 * @param position the waiting-list position when the answer told it, else null
 */
record RegistrationView(String measureId, String measureTitle, String state, Integer position, int places, String name,
        String email, String registeredAt, boolean erased) {

    static RegistrationView of(JsonNode export, JsonNode answer) {
        String state = MeasureViews.text(export, "status");
        Integer position = answer != null && answer.path("waitlistPosition").isNumber() ? answer.path("waitlistPosition").asInt() : null;
        String registered = MeasureViews.text(export, "registeredAt");
        return new RegistrationView(MeasureViews.text(export, "measureId"), MeasureViews.text(export, "measureTitle"), state,
                "WAITLISTED".equals(state) ? position : null, export.path("places").asInt(1), MeasureViews.text(export, "name"),
                MeasureViews.text(export, "email"), registered.isEmpty() ? "" : Words.dateTime(Instant.parse(registered)),
                !MeasureViews.text(export, "erasedAt").isEmpty());
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(state);
    }

    public boolean waitlisted() {
        return "WAITLISTED".equals(state);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(state);
    }
}
