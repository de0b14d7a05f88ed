package de.augenhoehe.platform.referencedata;

import java.util.Map;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/** A reference-data file that cannot be imported; nothing of it was imported. Names the file and the line. */
public final class MalformedReferenceFile extends ProblemException {

    public static final ProblemType TYPE = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "malformed-reference-file",
            "Fehlerhafte Referenzdatei / Malformed reference file");

    private final int line;

    public MalformedReferenceFile(String source, int line, String reason) {
        super(TYPE, source + " line " + line + ": " + reason + " — nothing of this file was imported",
                Map.of("source", source, "line", line));
        this.line = line;
    }

    public int line() {
        return line;
    }
}
