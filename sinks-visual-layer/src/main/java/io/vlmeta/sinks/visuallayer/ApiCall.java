package io.vlmeta.sinks.visuallayer;

import org.apache.hc.core5.http.HttpEntity;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One request to the server, described so that it can be sent again.
 *
 * @param what       how messages name it, e.g. {@code "upload of field 'score' (batch 2)"}
 * @param method     {@code GET} or {@code POST}
 * @param uri        the address
 * @param body       a fresh body for each attempt; {@code null} for none
 * @param downloadTo where a successful answer's body is streamed; {@code null} to keep it in memory
 * @param repeatable true when sending it twice does no harm (reads); false for a declaration or an
 *                   upload, which the transport sends again only when the server surely did not
 *                   process it (refused connection, {@code 408}, {@code 429}) and otherwise hands back
 *                   as {@linkplain ApiResponse#inDoubt() in doubt}
 */
record ApiCall(String what, String method, URI uri, Supplier<HttpEntity> body, Path downloadTo, boolean repeatable) {

    static ApiCall get(String what, URI uri) {
        return new ApiCall(what, "GET", uri, null, null, true);
    }
}
