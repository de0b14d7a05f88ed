package de.augenhoehe.outreach.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanBotsTest {

    @Test
    void link_preview_fetchers_and_crawlers_are_bots_phones_are_not() {
        for (String bot : new String[] {"WhatsApp/2.23.20.0 A", "facebookexternalhit/1.1", "Twitterbot/1.0",
                "Mozilla/5.0 (compatible; bingbot/2.0)", "Slackbot-LinkExpanding 1.0", "Discordbot/2.0", "curl/8.5.0",
                "python-requests/2.32", "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0"}) {
            assertThat(ScanController.BOTS.matcher(bot).matches()).as(bot).isTrue();
        }
        for (String phone : new String[] {"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"}) {
            assertThat(ScanController.BOTS.matcher(phone).matches()).as(phone).isFalse();
        }
    }
}
