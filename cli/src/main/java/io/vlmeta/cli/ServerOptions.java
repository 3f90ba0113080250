package io.vlmeta.cli;

import io.vlmeta.api.BaseUrlCheck;
import io.vlmeta.api.VlmetaException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The Visual Layer server's address and credentials ({@code --base-url}, {@code --api-key},
 * {@code --api-secret}, {@code --api-secret-file}), shared by every command that talks to the server.
 * A flag wins over its environment variable ({@code VL_BASE_URL}, {@code VL_API_KEY}, {@code VL_API_SECRET}).
 */
final class ServerOptions {

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The Visual Layer server (or VL_BASE_URL; default: " + JobSpecs.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key for the cloud (or VL_API_KEY).")
    String apiKey;

    @Option(names = "--api-secret", paramLabel = "SECRET",
            description = "API secret (prefer VL_API_SECRET or --api-secret-file: a flag shows in the process list).")
    String apiSecret;

    @Option(names = "--api-secret-file", paramLabel = "FILE",
            description = "A file holding the API secret alone, on one line.")
    Path apiSecretFile;

    /**
     * @return {@code --base-url}, else {@code VL_BASE_URL}, else {@link JobSpecs#DEFAULT_BASE_URL}
     * @throws VlmetaException (usage) when no request could use it ({@link BaseUrlCheck#check}: e.g. an
     *     unencoded {@code @ / ? #} in its user name or password, a port outside 1 to 65535); commands call this
     *     first, so the refusal comes before any input is read, and {@code plan} refuses what {@code upload} would
     */
    String url(CliContext context) {
        String url = JobSpecs.firstOf(baseUrl, context.env("VL_BASE_URL").orElse(null), JobSpecs.DEFAULT_BASE_URL);
        BaseUrlCheck.check(url);
        return url;
    }

    /** @return the API key and secret from the flags, the secret file or the environment (see {@link JobSpecs#credentials}) */
    JobSpecs.Credentials credentials(CliContext context) {
        return JobSpecs.credentials(apiKey, apiSecret, apiSecretFile, context);
    }
}
