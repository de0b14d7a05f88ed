package de.augenhoehe.partner.ledger;

/** PLEDGED by a person of the partner; REALISED from another service's event. */
enum Origin {
    PLEDGED, REALISED
}
