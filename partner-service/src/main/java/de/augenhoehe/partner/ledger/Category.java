package de.augenhoehe.partner.ledger;

/** What is given or gained; each category belongs to one side. */
enum Category {
    VACANCIES(Side.GIVE), INTERNSHIP_PLACES(Side.GIVE), PROJECT_DAYS(Side.GIVE), COURSE_PLACES(Side.GIVE),
    ROOMS_INFRASTRUCTURE(Side.GIVE), STAFF_HOURS(Side.GIVE), EXPERTISE(Side.GIVE), FUNDING(Side.GIVE), DATA(Side.GIVE),
    OUTREACH_CHANNELS(Side.GIVE),
    VACANCIES_FILLED(Side.GAIN), CLIENTS_PLACED(Side.GAIN), APPRENTICES_TRAINED(Side.GAIN), PARTICIPANTS_SENT(Side.GAIN),
    RETURNEES_HIRED(Side.GAIN);

    final Side side;

    Category(Side side) {
        this.side = side;
    }
}
