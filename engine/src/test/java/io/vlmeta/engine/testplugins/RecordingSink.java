package io.vlmeta.engine.testplugins;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Preflight;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink for engine tests that records everything it receives. Its media mapping comes from the
 * export file ({@code filename,media_id} lines); a key matches a file name exactly or by its last
 * path segment. The option {@code existing=field} makes preflight skip that field; {@code clash=field}
 * makes it an error.
 */
public final class RecordingSink implements SinkProvider {

    /** What the last opened sink of this name received; tests run one job at a time. */
    public static final List<Recording> RECORDINGS = Collections.synchronizedList(new ArrayList<>());

    private final String name;

    public RecordingSink() {
        this("recording");
    }

    RecordingSink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "records what it receives (tests)";
    }

    @Override
    public Sink open(SinkRequest request) {
        Recording recording = new Recording(name, request);
        RECORDINGS.add(recording);
        return recording;
    }

    /** Another name for the same behaviour, to stand in as the report sink. */
    public static final class AsReport implements SinkProvider {
        private final RecordingSink delegate = new RecordingSink("report");

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public Sink open(SinkRequest request) {
            return delegate.open(request);
        }
    }

    /** Everything one sink instance received. */
    public static final class Recording implements Sink {
        public final String sinkName;
        public final SinkRequest request;
        public final List<FieldDeclaration> declared = Collections.synchronizedList(new ArrayList<>());
        public final Map<String, List<Entry>> entries = Collections.synchronizedMap(new LinkedHashMap<>());
        public volatile RunSummary summary;
        public volatile boolean closed;
        /** In call order: "end field N" (endOfEntries, after N entries) and "finish field" events. */
        public final List<String> endings = Collections.synchronizedList(new ArrayList<>());
        /** How many times validation asked the resolver for a near miss. */
        public final java.util.concurrent.atomic.AtomicInteger nearMissesAsked =
                new java.util.concurrent.atomic.AtomicInteger();
        private final Map<String, String> media = new LinkedHashMap<>();
        /** The declarations fields were opened with before their values ({@code early=true}). */
        public final List<FieldDeclaration> openedEarly = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Map.Entry<List<Entry>, FieldWriter>> early =
                Collections.synchronizedMap(new LinkedHashMap<>());

        /** A sink of no job, for tests that hand it to a pass directly: no media mapping, no options. */
        public Recording() {
            this("recording", null);
        }

        Recording(String sinkName, SinkRequest request) {
            this.sinkName = sinkName;
            this.request = request;
            if (request != null && request.exportFile() != null) {
                try {
                    for (String line : Files.readAllLines(request.exportFile())) {
                        String[] parts = line.split(",");
                        if (parts.length == 2 && !parts[0].equals("filename")) {
                            media.put(parts[0], parts[1]);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public MediaResolver mediaResolver() {
            if (media.isEmpty()) {
                return MediaResolver.UNCHECKED;
            }
            List<String> names = List.copyOf(media.keySet());
            return new MediaResolver() {
                @Override
                public Resolution resolve(String key) {
                    int exact = names.indexOf(key);
                    if (exact >= 0) {
                        return new Resolution.Matched(media.get(key), exact);
                    }
                    List<String> bySuffix = names.stream().filter(n -> n.endsWith("/" + key)).toList();
                    if (bySuffix.size() == 1) {
                        return new Resolution.Matched(media.get(bySuffix.get(0)), names.indexOf(bySuffix.get(0)));
                    }
                    return bySuffix.isEmpty() ? Resolution.Unmatched.INSTANCE : new Resolution.Ambiguous(bySuffix);
                }

                /** Names a dataset path that differs from the key in case only, as a real index would. */
                @Override
                public java.util.Optional<String> nearMiss(String key) {
                    nearMissesAsked.incrementAndGet();
                    return names.stream().filter(n -> n.equalsIgnoreCase(key)).findFirst()
                            .map(n -> "the dataset has '" + n + "' (differs in case).");
                }

                @Override
                public int size() {
                    return names.size();
                }

                @Override
                public String description() {
                    return "test export (" + names.size() + " media)";
                }
            };
        }

        @Override
        public Preflight preflight(List<FieldDeclaration> fields) {
            Map<String, String> skipped = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            request.option("existing").ifPresent(f -> skipped.put(f, "Field '" + f + "' already exists; skipped."));
            request.option("clash").ifPresent(f -> problems.add(new Problem(io.vlmeta.api.Severity.ERROR,
                    ProblemCategory.SCHEMA, null, f, "Field '" + f + "' exists with another type.")));
            return new Preflight(problems, skipped);
        }

        /** With the option {@code early=true}, takes entries before the declaration, as the report sink does. */
        @Override
        public FieldWriter openFieldEarly(FieldDeclaration provisional) {
            if (!request.option("early").orElse("").equals("true")) {
                return null;
            }
            openedEarly.add(provisional);
            List<Entry> received = Collections.synchronizedList(new ArrayList<>());
            FieldWriter writer = writer(provisional, received);
            early.put(provisional.fieldName(), Map.entry(received, writer));
            return writer;
        }

        @Override
        public FieldWriter openField(FieldDeclaration declaration) {
            declared.add(declaration);
            Map.Entry<List<Entry>, FieldWriter> opened = early.remove(declaration.fieldName());
            if (opened != null) {
                entries.put(declaration.fieldName(), opened.getKey());
                return opened.getValue();
            }
            List<Entry> received = Collections.synchronizedList(new ArrayList<>());
            entries.put(declaration.fieldName(), received);
            return writer(declaration, received);
        }

        private FieldWriter writer(FieldDeclaration declaration, List<Entry> received) {
            return new FieldWriter() {
                @Override
                public void write(Entry entry) {
                    received.add(entry);
                }

                @Override
                public void endOfEntries() {
                    endings.add("end " + declaration.fieldName() + " " + received.size());
                }

                @Override
                public FieldOutcome finish() {
                    endings.add("finish " + declaration.fieldName());
                    return new FieldOutcome(declaration.fieldName(), FieldOutcome.Status.COMPLETED, received.size(),
                            received.size(), 0, List.of(), null);
                }
            };
        }

        @Override
        public void complete(RunSummary value) {
            this.summary = value;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
