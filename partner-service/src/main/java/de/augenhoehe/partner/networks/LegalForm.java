package de.augenhoehe.partner.networks;

/** How a network is constituted: Heilbronn is an informal cooperation, the Ems-Achse a registered association. */
enum LegalForm {
    INFORMAL_COOPERATION, REGISTERED_ASSOCIATION, LIMITED_COMPANY, PUBLIC_LAW_AGREEMENT, OTHER
}
