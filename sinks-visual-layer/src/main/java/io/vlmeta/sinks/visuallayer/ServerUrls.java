package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.BaseUrlCheck;
import io.vlmeta.api.VlmetaException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API's addresses for one dataset. The base URL is accepted with or without a trailing
 * {@code /} and with or without a trailing {@code /api/v1/datasets}; note that some endpoints use
 * the singular {@code dataset}, and this is the one place that knows which.
 */
final class ServerUrls {
    /** Visual Layer's cloud, used when an API key is given without a base URL. */
    static final String CLOUD = "https://app.visual-layer.com";

    private final String base;
    private final String userInfo;
    private final String dataset;

    ServerUrls(String baseUrl, String datasetId) {
        String normalized = normalize(baseUrl);
        URI uri = URI.create(normalized);
        // HTTP clients refuse user:password@ in a request's address (RFC 9110 4.2.4 deprecates it): it
        // goes as Basic credentials instead, and never into a message
        this.userInfo = uri.getRawUserInfo();
        this.base = userInfo == null ? normalized : normalized.replaceFirst("//\\Q" + userInfo + "\\E@", "//");
        this.dataset = URLEncoder.encode(datasetId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @return the base URL without surrounding blanks and without a trailing {@code /} or API path
     * @throws VlmetaException (usage) when {@link BaseUrlCheck#check} refuses it: no http:// or https:// address,
     *     an unencoded {@code @ / ? #} or a bad %-escape in its user name or password, an invalid host, a port
     *     outside 1 to 65535, a {@code ;} path parameter, a query or fragment; the message names the fault and
     *     never the password
     */
    static String normalize(String baseUrl) {
        // the same refusal the command line gives before any work, for every other caller of the sink
        BaseUrlCheck.check(baseUrl);
        String url = baseUrl.strip();
        for (String tail : new String[] {"/", "/api/v1/datasets", "/api/v1/dataset", "/api/v1", "/"}) {
            while (url.toLowerCase(Locale.ROOT).endsWith(tail)) {
                url = url.substring(0, url.length() - tail.length());
            }
        }
        return url;
    }

    /**
     * @param httpsUrl a server's {@code https://} URL, credentials removed, e.g. {@code https://vl.example/base}
     * @return the same address over plain {@code http}, on the port the URL reached (https's 443 when it named
     *     none), e.g. {@code http://vl.example:443/base}; {@code httpsUrl} itself when it is not an https URL
     */
    static String overPlainHttp(String httpsUrl) {
        URI uri;
        try {
            uri = URI.create(httpsUrl);
        } catch (IllegalArgumentException e) {
            return httpsUrl;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            return httpsUrl;
        }
        // the server that answered in plain HTTP listens on the https port: the http URL keeps it
        String authority = uri.getPort() == -1 ? uri.getRawAuthority() + ":443" : uri.getRawAuthority();
        return "http://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** @return the base URL without any {@code user:password@} */
    String base() {
        return base;
    }

    /** @return the {@code user:password} the base URL carried (percent-encoded), or {@code null} */
    String userInfo() {
        return userInfo;
    }

    URI dataset() {
        return URI.create(base + "/api/v1/dataset/" + dataset);
    }

    URI export() {
        return URI.create(base + "/api/v1/dataset/" + dataset + "/export_media_id");
    }

    URI schema() {
        return URI.create(base + "/api/v1/datasets/" + dataset + "/custom_metadata/schema");
    }

    URI tasks() {
        return URI.create(base + "/api/v1/datasets/" + dataset + "/custom_metadata/tasks");
    }

    URI task(String taskId) {
        return URI.create(tasks() + "/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8));
    }

    URI mediaMetadata(String mediaId) {
        return URI.create(base + "/api/v1/datasets/" + dataset + "/image/"
                + URLEncoder.encode(mediaId, StandardCharsets.UTF_8).replace("+", "%20") + "/custom_metadata");
    }

    URI status(String taskId) {
        return URI.create(task(taskId) + "/status");
    }
}
