package de.augenhoehe.portal.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A mail the demo mail server received. */
public record Mail(List<String> to, String subject, String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Mail> parse(String json) {
        List<Mail> mails = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            List<String> to = new ArrayList<>();
            node.path("to").forEach(t -> to.add(t.asString()));
            mails.add(new Mail(to, node.path("subject").asString(), node.path("text").asString()));
        }
        return mails;
    }

    /** The first link in the text that starts with {@code prefix} (e.g. the platform's URL + {@code /rueckkehr/bestaetigen}). */
    public String link(String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link " + prefix + "… in mail '" + subject + "': " + text);
        }
        return m.group();
    }
}
