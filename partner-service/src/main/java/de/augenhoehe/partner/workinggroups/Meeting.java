package de.augenhoehe.partner.workinggroups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A meeting of a group: when, where, the agenda and (afterwards) the minutes. The version travels as ETag. */
record Meeting(UUID id, UUID workingGroupId, Instant startsAt, String place, List<String> agenda, String minutes,
        @JsonIgnore long version) {
}
