package de.augenhoehe.partner.ledger;

/**
 * The ledger's one vocabulary (#16): what is given or gained, each kind on one side and counted in <b>one unit</b>.
 * Pledges, realised entries and the balances all use it, so "pledged" and "realised" of a kind always compare (README,
 * "Kinds and units").
 */
enum Category {
    VACANCIES(Side.GIVE, "vacancies"), INTERNSHIP_PLACES(Side.GIVE, "places"), PROJECT_DAYS(Side.GIVE, "days"),
    PUPIL_PLACES(Side.GIVE, "places"), COURSE_PLACES(Side.GIVE, "places"), MEASURES(Side.GIVE, "measures"),
    ROOMS_INFRASTRUCTURE(Side.GIVE, "rooms"), STAFF_HOURS(Side.GIVE, "hours"), EXPERTISE(Side.GIVE, "hours"),
    FUNDING(Side.GIVE, "EUR"), DATA(Side.GIVE, "reports"), OUTREACH_CHANNELS(Side.GIVE, "channels"),
    VACANCIES_FILLED(Side.GAIN, "vacancies"), CLIENTS_PLACED(Side.GAIN, "people"), APPRENTICES_TRAINED(Side.GAIN, "apprentices"),
    PARTICIPANTS_SENT(Side.GAIN, "participants"), RETURNEES_HIRED(Side.GAIN, "returnees");

    final Side side;
    /** The one unit this kind is counted in, wherever it appears. */
    final String unit;

    Category(Side side, String unit) {
        this.side = side;
        this.unit = unit;
    }
}
