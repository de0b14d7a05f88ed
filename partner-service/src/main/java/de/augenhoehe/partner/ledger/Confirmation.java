package de.augenhoehe.partner.ledger;

/**
 * Whether the credited partner stands behind an entry (#16). An entry on a claim of another (a registration naming its
 * sending partner, an outcome or hire naming an employer) is PENDING until that partner CONFIRMED or REJECTED it; every
 * other entry (a pledge, the partner's own posting or measure, its own claim) is CONFIRMED at once. Only CONFIRMED
 * entries count in a balance.
 */
enum Confirmation {
    PENDING, CONFIRMED, REJECTED
}
