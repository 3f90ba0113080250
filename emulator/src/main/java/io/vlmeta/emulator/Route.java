package io.vlmeta.emulator;

import java.util.Optional;

/**
 * A request path matched to an endpoint, with its path parameters. The paths are exactly the
 * documented ones: singular {@code dataset} for the dataset and export endpoints, plural
 * {@code datasets} for custom metadata; anything else is not found.
 *
 * @param endpoint  the endpoint
 * @param datasetId the dataset id in the path
 * @param itemId    the task id (upload, status) or media id (read); {@code null} otherwise
 */
record Route(Endpoint endpoint, String datasetId, String itemId) {

    /** @return the route of a decoded path, or empty when no endpoint has that path */
    static Optional<Route> match(String path) {
        if (!path.startsWith("/api/v1/")) {
            return Optional.empty();
        }
        String[] parts = path.substring("/api/v1/".length()).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(switch (parts[0]) {
            case "dataset" -> matchDataset(parts);
            case "datasets" -> matchMetadata(parts);
            default -> null;
        });
    }

    private static Route matchDataset(String[] parts) {
        if (parts.length == 2) {
            return new Route(Endpoint.DATASET, parts[1], null);
        }
        if (parts.length == 3 && parts[2].equals("export_media_id")) {
            return new Route(Endpoint.EXPORT, parts[1], null);
        }
        return null;
    }

    private static Route matchMetadata(String[] parts) {
        String dataset = parts.length > 1 ? parts[1] : null;
        if (parts.length == 4 && parts[2].equals("custom_metadata")) {
            return switch (parts[3]) {
                case "schema" -> new Route(Endpoint.SCHEMA, dataset, null);
                case "tasks" -> new Route(Endpoint.DECLARE, dataset, null);
                default -> null;
            };
        }
        if (parts.length == 5 && parts[2].equals("custom_metadata") && parts[3].equals("tasks")) {
            return new Route(Endpoint.UPLOAD, dataset, parts[4]);
        }
        if (parts.length == 6 && parts[2].equals("custom_metadata") && parts[3].equals("tasks")
                && parts[5].equals("status")) {
            return new Route(Endpoint.STATUS, dataset, parts[4]);
        }
        if (parts.length == 5 && parts[2].equals("image") && parts[4].equals("custom_metadata")) {
            return new Route(Endpoint.READ, dataset, parts[3]);
        }
        return null;
    }
}
