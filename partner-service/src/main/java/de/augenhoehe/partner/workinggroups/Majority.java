package de.augenhoehe.partner.workinggroups;

/** The majority a motion needs among the YES and NO votes (abstentions do not count). */
enum Majority {
    /** More YES than NO. */
    SIMPLE,
    /** At least two thirds of the YES and NO votes are YES. */
    TWO_THIRDS,
    /** At least one YES and no NO. */
    UNANIMOUS;

    boolean reached(int yes, int no) {
        return switch (this) {
            case SIMPLE -> yes > no;
            case TWO_THIRDS -> yes > 0 && 3L * yes >= 2L * (yes + no);
            case UNANIMOUS -> yes > 0 && no == 0;
        };
    }
}
