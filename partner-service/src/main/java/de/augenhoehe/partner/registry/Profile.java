package de.augenhoehe.partner.registry;

import java.util.List;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/** What a partner says about itself beyond name and kind; checked against the kind before it is stored. */
record Profile(String name, Address address, List<ContactPerson> contacts, Industry industry, SizeClass sizeClass,
        String website, String logoUrl) {

    Profile {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Industry and size describe companies only: other kinds giving them is a client error, not silently dropped. */
    void checkFor(PartnerKind kind) {
        if (kind != PartnerKind.COMPANY && (industry != null || sizeClass != null)) {
            throw invalid("industry and sizeClass are given for companies only");
        }
        if (industry != null && !industry.divisionInSection()) {
            throw invalid("WZ 2008 division " + industry.division() + " is not in section " + industry.section());
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemType.VALIDATION_FAILED.exception(detail);
    }
}
