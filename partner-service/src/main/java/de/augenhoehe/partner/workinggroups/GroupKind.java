package de.augenhoehe.partner.workinggroups;

/** A working group works on a topic; the expert circle advises the network. Both decide the same way. */
enum GroupKind {
    WORKING_GROUP, EXPERT_CIRCLE
}
