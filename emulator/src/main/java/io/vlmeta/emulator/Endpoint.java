package io.vlmeta.emulator;

/** The API's endpoints, by the names request counts and fault plans use. */
enum Endpoint {
    DATASET("dataset", "GET"),
    EXPORT("export", "GET"),
    SCHEMA("schema", "GET"),
    DECLARE("declare", "POST"),
    UPLOAD("upload", "POST"),
    STATUS("status", "GET"),
    READ("read", "GET");

    private final String label;
    private final String method;

    Endpoint(String label, String method) {
        this.label = label;
        this.method = method;
    }

    String label() {
        return label;
    }

    String method() {
        return method;
    }

    /** @throws IllegalArgumentException for a name that is not an endpoint's */
    static Endpoint byLabel(String label) {
        for (Endpoint endpoint : values()) {
            if (endpoint.label.equals(label)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("unknown endpoint '" + label + "', expected one of " + FaultPlan.ENDPOINTS);
    }
}
