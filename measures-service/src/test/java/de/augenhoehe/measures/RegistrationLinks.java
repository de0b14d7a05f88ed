package de.augenhoehe.measures;

import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.Mailbox.Mail;

/** What this service's mails mean to a test: the mail of a registration, and the secret in its link. */
final class RegistrationLinks {

    private RegistrationLinks() {
    }

    /** The mail about a registration (its link names the registration), waiting for it: addresses repeat across tests. */
    static Mail about(Object registration) {
        String marker = "#anmeldung=" + registration + "&";
        return Mailbox.awaitFirst("the mail of registration " + registration, m -> m.body().contains(marker));
    }

    /** The secret of a registration, from the link in its mail (the fragment the portal page reads). */
    static String token(Object registration) {
        return Mailbox.group(about(registration),
                "/massnahmen/anmeldung/verwalten#anmeldung=" + registration + "&token=([A-Za-z0-9_-]{43})\\s");
    }
}
