package de.augenhoehe.partner.registry;

/** The kinds of actors in a network. Deliberately unordered: no kind outranks another. */
public enum PartnerKind {
    COMPANY, EMPLOYMENT_AGENCY, JOB_CENTRE, EMPLOYERS_ASSOCIATION, UNION, CHAMBER_OF_COMMERCE, CHAMBER_OF_CRAFTS,
    MUNICIPALITY, DISTRICT, SCHOOL, VOCATIONAL_SCHOOL, UNIVERSITY, CHARITY, EDUCATION_PROVIDER, OTHER
}
