package de.augenhoehe.measures.monitor;

import java.util.List;

/**
 * Which posting types the monitor counts as vacancies (#16). Stock and flows, the bottleneck score and the gaps are
 * about skilled labour the region lacks: a job, an apprenticeship or a dual study place is a post someone is meant to
 * hold. An internship, a project day (pupil places for a day) and a working-student post are offers of orientation or
 * of work beside studies — counted separately as what they are ({@code /offers}), never as vacancies.
 */
final class OfferTypes {

    static final List<String> VACANCIES = List.of("JOB", "APPRENTICESHIP", "DUAL_STUDY");
    static final List<String> OTHER_OFFERS = List.of("INTERNSHIP", "PROJECT_DAY", "WORKING_STUDENT");

    private OfferTypes() {
    }
}
