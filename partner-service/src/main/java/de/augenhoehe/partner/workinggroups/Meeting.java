package de.augenhoehe.partner.workinggroups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting of a group: when, where, the agenda and (afterwards) the minutes. The version travels as ETag and in the
 * body, as a posting's and a measure's do, so that a form can carry it to the If-Match of its save.
 */
record Meeting(UUID id, UUID workingGroupId, Instant startsAt, String place, List<String> agenda, String minutes, long version) {
}
