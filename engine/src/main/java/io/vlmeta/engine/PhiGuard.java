package io.vlmeta.engine;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.UriRedaction;
import io.vlmeta.api.VlmetaException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps identifying patient data (columns a source marks sensitive) from reaching a non-local
 * server by accident: such a job is refused unless the user says {@code --allow-phi}, and
 * {@code --drop-phi} leaves those columns out.
 */
final class PhiGuard {

    private PhiGuard() {
    }

    static List<PlannedField> apply(List<PlannedField> fields, List<ColumnInfo> columns, JobSpec spec,
                                    Consumer<String> notes) {
        Set<String> sensitive = columns.stream().filter(ColumnInfo::sensitive).map(ColumnInfo::name)
                .collect(Collectors.toSet());
        List<String> selected = fields.stream().map(PlannedField::column).filter(sensitive::contains).toList();
        if (selected.isEmpty()) {
            return fields;
        }
        if (spec.dropPhi()) {
            notes.accept("Left out identifying columns (--drop-phi): " + named(selected) + ".");
            return fields.stream().filter(f -> !sensitive.contains(f.column())).toList();
        }
        boolean sending = spec.mode() == JobSpec.Mode.UPLOAD;
        if (sending && !spec.allowPhi() && !isLocal(spec.baseUrl())) {
            // the refusal names every column: it is what the user must decide about
            throw VlmetaException.usage(columns(selected, String.join(", ", selected)) + " identifying patient data "
                    + "(DICOM PS3.15 Annex E basic profile) and " + UriRedaction.server(spec.baseUrl())
                    + " is not a local address. "
                    + "Pass --drop-phi to leave them out, or --allow-phi if this dataset may hold them.");
        }
        if (!spec.allowPhi()) {
            notes.accept("Note: " + columns(selected, named(selected)) + " identifying patient data; "
                    + "uploading them to a non-local server needs --allow-phi (or --drop-phi).");
        }
        return fields;
    }

    /** Column names a line names before it says how many more there are: a DICOM folder may have hundreds. */
    static final int NAMED = 8;

    /** @return e.g. "Column PatientName holds" or "Columns PatientName, PatientID hold" */
    private static String columns(List<String> names, String joined) {
        return (names.size() == 1 ? "Column " : "Columns ") + joined + (names.size() == 1 ? " holds" : " hold");
    }

    /** @return the names joined by commas, the first {@value #NAMED} and "and N more" past them */
    static String named(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }

    static boolean isLocal(String baseUrl) {
        if (baseUrl == null) {
            return true;
        }
        try {
            String host = URI.create(baseUrl.strip()).getHost();
            if (host == null) {
                return false;
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (host.equalsIgnoreCase("localhost") || host.toLowerCase().endsWith(".localhost")) {
                return true;
            }
            // only literal addresses are checked, never resolved: a name is treated as remote
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return InetAddress.getByName(host).isLoopbackAddress();
            }
            return false;
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return false;
        }
    }
}
