package de.augenhoehe.partner.ledger;

/** GIVE: a contribution the partner brings; GAIN: a benefit it draws from the network. */
enum Side {
    GIVE, GAIN
}
