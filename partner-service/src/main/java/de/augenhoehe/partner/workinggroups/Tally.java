package de.augenhoehe.partner.workinggroups;

/** The count of a closed decision and what follows from it under the group's quorum and majority. */
record Tally(int eligible, int yes, int no, int abstentions, boolean quorumMet, Result result) {

    enum Result {
        ADOPTED, REJECTED, NO_QUORUM
    }

    static Tally of(int eligible, int yes, int no, int abstentions, Quorum quorum, Majority majority) {
        int participating = yes + no + abstentions;
        boolean quorumMet = participating > 0 && participating >= quorum.required(eligible);
        Result result = !quorumMet ? Result.NO_QUORUM : majority.reached(yes, no) ? Result.ADOPTED : Result.REJECTED;
        return new Tally(eligible, yes, no, abstentions, quorumMet, result);
    }
}
