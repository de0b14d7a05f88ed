package de.augenhoehe.partner.workinggroups;

/** A member partner's vote. An abstention counts towards the quorum, not towards the majority. */
enum VoteChoice {
    YES, NO, ABSTAIN
}
