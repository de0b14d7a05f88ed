package de.augenhoehe.vacancy.referencedata;

import java.util.Map;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.web.ProblemException;

/** A reference-data file that cannot be imported; nothing of it was imported. Names the file and the line. */
public class MalformedReferenceFile extends ProblemException {

    private final int line;

    MalformedReferenceFile(String source, int line, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "malformed-reference-file", "Fehlerhafte Referenzdatei / Malformed reference file",
                source + " line " + line + ": " + reason + " — nothing of this file was imported",
                Map.of("source", source, "line", line));
        this.line = line;
    }

    public int line() {
        return line;
    }
}
