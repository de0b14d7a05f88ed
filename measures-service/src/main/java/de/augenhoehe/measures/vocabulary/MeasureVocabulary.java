package de.augenhoehe.measures.vocabulary;

import de.augenhoehe.platform.architecture.FeatureApi;

/** The words of a measure (issue 6), shared with the catalogue's filters and the monitor. */
@FeatureApi
public final class MeasureVocabulary {

    private MeasureVocabulary() {
    }

    public enum Type {
        TECHNOLOGY_DAY, PROJECT_DAY, INTERNSHIP_PROGRAMME, TECHNICAL_LANGUAGE_TRAINING, QUALIFICATION, MENTORING, JOB_FAIR,
        INFORMATION_EVENT, RETURNEE_EVENT, OTHER
    }

    /** Pupils by school type, then the other groups of the issue. */
    public enum TargetGroup {
        PUPILS_HAUPTSCHULE, PUPILS_REALSCHULE, PUPILS_GYMNASIUM, PUPILS_GEMEINSCHAFTSSCHULE, PUPILS_VOCATIONAL_SCHOOL,
        APPRENTICES, MIGRATION_BACKGROUND, JOB_SEEKERS, EMPLOYEES, RETURNEES, COMPANIES
    }

    /** In the host company, in a company network (Verbund), or external (at a school, a chamber, a fair). */
    public enum Delivery {
        IN_COMPANY, VERBUND, EXTERNAL
    }

    public enum Status {
        PLANNED, OPEN, FULL, RUNNING, COMPLETED, CANCELLED
    }

    /**
     * Why a measure was cancelled, as a code: what travels on {@code measure-cancelled.v1}. The host's own words
     * ({@code reason}) may name a person, so they stay in this service's database and its public view of the measure.
     */
    public enum CancellationReason {
        TOO_FEW_REGISTRATIONS, HOST_UNAVAILABLE, SPEAKER_UNAVAILABLE, VENUE_UNAVAILABLE, FORCE_MAJEURE, OTHER
    }
}
