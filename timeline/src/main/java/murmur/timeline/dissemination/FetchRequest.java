package murmur.timeline.dissemination;

import java.util.List;

/**
 * "Get": the asker's version vector for the authors it wants; the answer is a page of posts after those positions.
 *
 * @param have  per author, the last sequence number the asker holds
 * @param limit most posts wanted in the page (the server may send fewer)
 */
record FetchRequest(List<LogPosition> have, int limit) {

    FetchRequest {
        have = List.copyOf(have);
    }
}
