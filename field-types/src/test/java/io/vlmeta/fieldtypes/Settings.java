package io.vlmeta.fieldtypes;

import io.vlmeta.api.FieldSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Field settings for tests: the defaults with one thing changed. */
final class Settings {

    private Settings() {
    }

    static FieldSettings defaults() {
        return FieldSettings.defaults();
    }

    static FieldSettings stringMaxLength(int limit, boolean truncate) {
        FieldSettings d = defaults();
        return new FieldSettings(limit, truncate, d.enumLimit(), d.enumOptionMaxLength(), d.timezone(),
                d.datetimeFormats(), Map.of());
    }

    static FieldSettings enumLimits(int enumLimit, int optionMaxLength) {
        FieldSettings d = defaults();
        return new FieldSettings(d.stringMaxLength(), false, enumLimit, optionMaxLength, d.timezone(),
                d.datetimeFormats(), Map.of());
    }

    static FieldSettings timezone(String zone, String... datetimeFormats) {
        FieldSettings d = defaults();
        return new FieldSettings(d.stringMaxLength(), false, d.enumLimit(), d.enumOptionMaxLength(), ZoneId.of(zone),
                List.of(datetimeFormats), Map.of());
    }
}
